package io.github.redissidecar.config;

import io.smallrye.config.common.MapBackedConfigSource;
import java.util.HashMap;
import java.util.Map;

/**
 * Accepts redis_exporter's environment variables so the sidecar is a drop-in replacement. Ordinal 275: above
 * application.properties (250), below our own {@code SIDECAR_*} variables (300), which therefore win.
 */
public class RedisExporterEnvSource extends MapBackedConfigSource {

    static final Map<String, String> NAMES = Map.of(
            "REDIS_ADDR", "sidecar.redis.address",
            "REDIS_USER", "sidecar.redis.user",
            "REDIS_PASSWORD", "sidecar.redis.password",
            "REDIS_PASSWORD_FILE", "sidecar.redis.password-file");

    public RedisExporterEnvSource() {
        this(System.getenv());
    }

    RedisExporterEnvSource(Map<String, String> env) {
        super("redis_exporter environment variables", properties(env), 275);
    }

    private static Map<String, String> properties(Map<String, String> env) {
        Map<String, String> p = new HashMap<>();
        NAMES.forEach((envName, key) -> {
            String value = env.get(envName);
            if (value != null && !value.isEmpty()) {
                // Escape '$' so that a password such as "pa${ss" is taken literally, not as a config expression.
                p.put(key, value.replace("$", "\\$"));
            }
        });
        return p;
    }
}
