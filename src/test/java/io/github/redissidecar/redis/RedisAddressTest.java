package io.github.redissidecar.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class RedisAddressTest {

    @Test
    void schemesAndDefaults() {
        assertEquals("redis://localhost:6379", RedisAddress.parse("redis://localhost").toString());
        assertEquals("redis://10.0.0.5:6380", RedisAddress.parse("10.0.0.5:6380").toString());
        assertTrue(RedisAddress.parse("rediss://cache:6380").tls());
        assertEquals("unix:///run/redis/redis.sock", RedisAddress.parse("unix:///run/redis/redis.sock").toString());
    }

    @Test
    void credentialsInTheUrlAreSplitOffAndNeverShown() {
        RedisAddress a = RedisAddress.parse("redis://alice:s%40cret@127.0.0.1:6379");
        assertEquals(Optional.of("alice"), a.user());
        assertEquals(Optional.of("s@cret"), a.password());
        assertFalse(a.toString().contains("cret"));
        assertFalse(a.clientUrl().contains("alice"));
        RedisAddress b = RedisAddress.parse("redis://:only-pass@host:1");
        assertEquals(Optional.empty(), b.user());
        assertEquals(Optional.of("only-pass"), b.password());
    }

    @Test
    void badAddressNamesTheKeyButNotTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RedisAddress.parse("http://user:hunter2@host"));
        assertTrue(e.getMessage().contains("REDIS_ADDR"), e.getMessage());
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RedisAddress.parse("unix://"));
    }

    @Test
    void aPortOutsideTheTcpRangeIsRefusedWithOneLineNamingKeyValueAndFix() {
        for (String bad : new String[] {"redis://cache:99999", "cache:99999", "rediss://u:hunter2@cache:0"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RedisAddress.parse(bad));
            assertTrue(e.getMessage().contains("REDIS_ADDR") && e.getMessage().contains("1..65535")
                    && e.getMessage().contains("redis://cache:6379"), e.getMessage());
            assertFalse(e.getMessage().contains("hunter2") || e.getMessage().contains("\n"), e.getMessage());
        }
        assertEquals(65535, RedisAddress.parse("cache:65535").port());
        assertEquals(1, RedisAddress.parse("redis://cache:1").port());
    }
}
