package io.github.redissidecar.config;

import io.smallrye.config.common.MapBackedConfigSource;
import java.util.Map;

/**
 * Turns on Netty's native (epoll) transport only for {@code unix://} Redis addresses, which need it. Netty copies
 * its native library to the temp directory before loading it; TCP does not need it, so by default the sidecar
 * writes nothing at runtime and runs on a read-only root file system with no writable /tmp. Ordinal 100: an
 * explicit {@code QUARKUS_VERTX_PREFER_NATIVE_TRANSPORT} wins.
 */
public class NativeTransportSource extends MapBackedConfigSource {

    static final String KEY = "quarkus.vertx.prefer-native-transport";

    public NativeTransportSource() {
        this(System.getenv(), System.getProperty("sidecar.redis.address"));
    }

    NativeTransportSource(Map<String, String> env, String addressProperty) {
        super("native transport for unix:// addresses", properties(firstOf(addressProperty,
                env.get("SIDECAR_REDIS_ADDRESS"), env.get("REDIS_ADDR"))), 100);
    }

    private static Map<String, String> properties(String address) {
        return address != null && address.startsWith("unix:") ? Map.of(KEY, "true") : Map.of();
    }

    private static String firstOf(String... values) {
        for (String v : values) {
            if (v != null && !v.isEmpty()) {
                return v;
            }
        }
        return null;
    }
}
