package io.github.redissidecar.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.redissidecar.testing.RedisServer;
import io.github.redissidecar.testing.MetricsText;
import io.github.redissidecar.testing.SidecarProcess;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Redis frozen with SIGSTOP for 30 s: polls time out one at a time (no overlap, no queue), redis_up goes to 0,
 * /metrics keeps answering fast, and after SIGCONT the sidecar is back within about one poll interval.
 */
class FreezeChaosIT {

    private static final String POLLS = "redis_sidecar_poll_duration_seconds_count";

    @Test
    void frozenRedisDoesNotFreezeTheSidecar() throws Exception {
        try (RedisServer redis = new RedisServer().start();
                SidecarProcess sidecar = SidecarProcess.start(Map.of("REDIS_ADDR", redis.address()))) {
            sidecar.awaitMetrics("redis_up 1");
            for (int i = 0; i < 50; i++) {
                sidecar.get("/metrics"); // warm the JIT before timing answers
            }
            double pollsBefore = sidecar.metric(POLLS);
            redis.freeze();
            long frozenAt = System.nanoTime();
            long slowest = 0;
            boolean sawDown = false;
            while (System.nanoTime() - frozenAt < 30_000_000_000L) {
                long start = System.nanoTime();
                String text = sidecar.get("/metrics");
                slowest = Math.max(slowest, System.nanoTime() - start);
                sawDown |= MetricsText.has(text, "redis_up 0");
                Thread.sleep(100);
            }
            double pollsFrozen = sidecar.metric(POLLS) - pollsBefore;
            redis.thaw();
            long recoveryMillis = sidecar.awaitMillis("redis_up 1", Duration.ofSeconds(5));
            double afterThaw = sidecar.metric(POLLS);
            Thread.sleep(3_000);
            double burst = sidecar.metric(POLLS) - afterThaw;
            System.out.printf("frozen 30 s: %.0f polls, slowest /metrics %d ms, recovery %d ms after SIGCONT, %.0f "
                    + "polls in the 3 s after%n", pollsFrozen, slowest / 1_000_000, recoveryMillis, burst);
            assertTrue(sawDown, "redis_up 0 while frozen");
            assertTrue(pollsFrozen <= 32, "polls neither overlap nor pile up: " + pollsFrozen);
            assertTrue(burst <= 5, "no burst of queued polls after SIGCONT: " + burst);
            assertTrue(slowest < 50_000_000L, "/metrics answered in " + slowest / 1_000_000 + " ms");
            assertTrue(recoveryMillis < 2_000, "recovery took " + recoveryMillis + " ms");
            assertEquals(1, sidecar.metric("redis_up"));
        }
    }
}
