package io.github.redissidecar.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.redissidecar.testing.RedisServer;
import io.github.redissidecar.testing.SidecarProcess;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The packaged fast-jar, run as users run it: redis_exporter's variables, startup validation. */
class PackagedJarIT {

    @Test
    void badContainerLimitStopsStartupNamingKeyAndValue() throws Exception {
        try (SidecarProcess sidecar = SidecarProcess.start(Map.of("SIDECAR_CONTAINER_MEMORY_LIMIT", "768 potatoes"))) {
            assertTrue(sidecar.process().waitFor(60, TimeUnit.SECONDS), "the sidecar must exit");
            assertNotEquals(0, sidecar.process().exitValue());
            String log = sidecar.output();
            assertTrue(log.contains("SIDECAR_CONTAINER_MEMORY_LIMIT"), log);
            assertTrue(log.contains("'768 potatoes'"), log);
        }
    }

    @Test
    void redisExporterVariablesWorkThePasswordIsNeverShownAndAStopIsQuiet() throws Exception {
        String secret = "Jar-S3cret-" + System.nanoTime();
        try (RedisServer redis = new RedisServer("--requirepass", secret).start()) {
            SidecarProcess stopped;
            try (SidecarProcess sidecar = SidecarProcess.start(Map.of("REDIS_ADDR", "127.0.0.1:" + redis.port(),
                    "REDIS_PASSWORD", secret))) {
                String metrics = sidecar.awaitMetrics("redis_up 1");
                assertTrue(metrics.contains("redis_memory_used_bytes "));
                assertFalse(metrics.contains(secret));
                assertEquals(1, redis.call("CLIENT", "LIST").lines()
                        .filter(l -> l.contains("name=redis-memory-sidecar")).count());
                stopped = sidecar;
            } // SIGTERM, as a container runtime stops it
            String log = stopped.output();
            assertFalse(log.contains(secret), "the password is never logged");
            assertFalse(log.contains("unavailable"), "a clean stop is not an outage:\n" + log);
            assertFalse(log.contains("Exception") || log.contains("Error"), log);
            assertEquals(0, redis.call("CLIENT", "LIST").lines()
                    .filter(l -> l.contains("name=redis-memory-sidecar")).count(), "its connection is closed");
        }
    }
}
