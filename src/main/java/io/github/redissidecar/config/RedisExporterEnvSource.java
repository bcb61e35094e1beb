package io.github.redissidecar.config;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Accepts redis_exporter's environment variables so the sidecar is a drop-in replacement. Ordinal 275: above
 * application.properties (250), below our own {@code SIDECAR_*} variables (300), which therefore win.
 */
public class RedisExporterEnvSource implements ConfigSource {

    static final Map<String, String> NAMES = Map.of(
            "REDIS_ADDR", "sidecar.redis.address",
            "REDIS_USER", "sidecar.redis.user",
            "REDIS_PASSWORD", "sidecar.redis.password",
            "REDIS_PASSWORD_FILE", "sidecar.redis.password-file");

    private final Map<String, String> properties;

    public RedisExporterEnvSource() {
        this(System.getenv());
    }

    RedisExporterEnvSource(Map<String, String> env) {
        Map<String, String> p = new HashMap<>();
        NAMES.forEach((envName, key) -> {
            String value = env.get(envName);
            if (value != null && !value.isEmpty()) {
                // Escape '$' so that a password such as "pa${ss" is taken literally, not as a config expression.
                p.put(key, value.replace("$", "\\$"));
            }
        });
        this.properties = Map.copyOf(p);
    }

    @Override
    public Map<String, String> getProperties() {
        return properties;
    }

    @Override
    public Set<String> getPropertyNames() {
        return properties.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return properties.get(propertyName);
    }

    @Override
    public String getName() {
        return "redis_exporter environment variables";
    }

    @Override
    public int getOrdinal() {
        return 275;
    }
}
