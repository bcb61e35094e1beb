package io.github.redissidecar.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.redissidecar.testing.Eventually;
import io.github.redissidecar.testing.MetricsText;
import io.github.redissidecar.testing.RedisServer;
import io.github.redissidecar.testing.SidecarProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * 100 Redis restarts in a row, alternating kill -9, SHUTDOWN NOSAVE and a restart with AOF: every one detected and
 * its settings re-asserted, the sidecar never restarts, and neither its threads nor its connections pile up.
 */
class RestartStormChaosIT {

    private static final int RESTARTS = 100;

    @Test
    void hundredRestartsAllDetectedAllReassertedNothingLeaks() throws Exception {
        try (RedisServer redis = new RedisServer().start();
                SidecarProcess sidecar = SidecarProcess.start(Map.of("REDIS_ADDR", redis.address(),
                        "SIDECAR_SETTINGS", "maxmemory 64mb\nmaxmemory-policy allkeys-lru"))) {
            awaitSettings(redis, Duration.ofSeconds(30));
            sidecar.awaitMetrics("redis_up 1");
            double startedAt = sidecar.metric("process_start_time_seconds");
            int threadsBefore = sidecar.threads();
            List<Long> millis = new ArrayList<>();
            for (int i = 0; i < RESTARTS; i++) {
                restart(redis, i);
                millis.add(awaitSettings(redis, Duration.ofSeconds(5)) / 1_000_000);
            }
            sidecar.awaitMetrics("redis_sidecar_restarts_detected_total " + RESTARTS);
            String metrics = sidecar.awaitMetrics(
                    "redis_sidecar_config_reasserts_total{parameter=\"maxmemory\",trigger=\"restart\"} " + RESTARTS);
            assertTrue(MetricsText.has(metrics, "redis_up 1"));
            int threadsAfter = sidecar.threads();
            long connections = redis.call("CLIENT", "LIST").lines()
                    .filter(l -> l.contains("name=redis-memory-sidecar")).count();
            assertTrue(sidecar.process().isAlive());
            assertEquals(startedAt, sidecar.metric("process_start_time_seconds"), "the sidecar never restarted");
            assertEquals(1, connections, "one connection of the sidecar after " + RESTARTS + " restarts");
            assertTrue(threadsAfter <= threadsBefore + 4, "threads " + threadsBefore + " -> " + threadsAfter);
            millis.sort(null);
            System.out.printf("%d/%d restarts detected and re-asserted; restore p50 %d ms, max %d ms; threads %d -> "
                    + "%d; sidecar connections %d%n", RESTARTS, RESTARTS, millis.get(RESTARTS / 2),
                    millis.get(RESTARTS - 1), threadsBefore, threadsAfter, connections);
        }
    }

    private static void restart(RedisServer redis, int i) throws Exception {
        switch (i % 3) {
            case 0 -> redis.restartWith();
            case 1 -> {
                redis.shutdownNoSave();
                redis.start();
            }
            default -> redis.restartWith("--appendonly", "yes");
        }
    }

    private static long awaitSettings(RedisServer redis, Duration timeout) throws Exception {
        return Eventually.within(timeout, "maxmemory 64mb", () -> "67108864".equals(redis.config("maxmemory"))
                && "allkeys-lru".equals(redis.config("maxmemory-policy")));
    }
}
