package io.github.redissidecar.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.junit.jupiter.api.Test;

class NativeTransportSourceTest {

    @Test
    void onlyUnixAddressesTurnOnTheNativeTransport() {
        assertEquals("true", new NativeTransportSource(Map.of("REDIS_ADDR", "unix:///run/redis.sock"), null)
                .getValue(NativeTransportSource.KEY));
        assertEquals("true", new NativeTransportSource(Map.of(), "unix:///run/redis.sock")
                .getValue(NativeTransportSource.KEY));
        assertNull(new NativeTransportSource(Map.of("REDIS_ADDR", "redis://127.0.0.1:6379"), null)
                .getValue(NativeTransportSource.KEY));
        assertNull(new NativeTransportSource(Map.of("SIDECAR_REDIS_ADDRESS", "redis://x:1", "REDIS_ADDR",
                "unix:///s"), null).getValue(NativeTransportSource.KEY), "our variable wins, as in the config");
    }
}
