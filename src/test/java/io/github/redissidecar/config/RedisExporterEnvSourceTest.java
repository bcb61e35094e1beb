package io.github.redissidecar.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RedisExporterEnvSourceTest {

    @Test
    void mapsRedisExporterVariablesBelowOurOwn() {
        RedisExporterEnvSource source = new RedisExporterEnvSource(Map.of(
                "REDIS_ADDR", "redis://cache:6379", "REDIS_USER", "alice", "REDIS_PASSWORD", "a$b",
                "REDIS_PASSWORD_FILE", "/run/secrets/redis", "UNRELATED", "x"));
        assertEquals("redis://cache:6379", source.getValue("sidecar.redis.address"));
        assertEquals("alice", source.getValue("sidecar.redis.user"));
        assertEquals("a\\$b", source.getValue("sidecar.redis.password"), "'$' is escaped from expansion");
        assertEquals("/run/secrets/redis", source.getValue("sidecar.redis.password-file"));
        assertEquals(4, source.getPropertyNames().size());
        assertEquals(275, source.getOrdinal());
        assertNull(new RedisExporterEnvSource(Map.of("REDIS_ADDR", "")).getValue("sidecar.redis.address"));
    }
}
