package io.github.redissidecar.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.redissidecar.testing.MetricsText;
import io.github.redissidecar.testing.Pace;
import io.github.redissidecar.testing.RedisServer;
import io.github.redissidecar.testing.SidecarProcess;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Redis frozen with SIGSTOP for 30 s under a scrape every 100 ms: polls time out one at a time (no overlap, no
 * queue), at most one per SIDECAR_POLL_MAX_AGE, redis_up goes to 0, a scrape waits at most SIDECAR_POLL_SCRAPE_WAIT
 * for its poll, and after SIGCONT the sidecar is back at once, with no burst of queued polls.
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
                Pace.hold(Duration.ofMillis(100)); // the scrape interval of this scenario
            }
            double pollsFrozen = sidecar.metric(POLLS) - pollsBefore;
            redis.thaw();
            long recoveryMillis = sidecar.awaitMillis("redis_up 1", Duration.ofSeconds(5));
            double afterThaw = sidecar.metric(POLLS);
            Pace.hold(Duration.ofSeconds(3)); // nobody scrapes: any poll now would be a queued one
            double burst = sidecar.metric(POLLS) - afterThaw - 1; // minus the one this reading asks for
            System.out.printf("frozen 30 s: %.0f polls, slowest /metrics %d ms, recovery %d ms after SIGCONT, %.0f "
                    + "polls in the 3 s after%n", pollsFrozen, slowest / 1_000_000, recoveryMillis, burst);
            assertTrue(sawDown, "redis_up 0 while frozen");
            assertTrue(pollsFrozen <= 30 * 4 + 5, "at most one poll per SIDECAR_POLL_MAX_AGE: " + pollsFrozen);
            assertTrue(burst <= 1, "no burst of queued polls after SIGCONT: " + burst);
            assertTrue(slowest < 500_000_000L, "/metrics answered in " + slowest / 1_000_000 + " ms");
            assertTrue(recoveryMillis < 2_000, "recovery took " + recoveryMillis + " ms");
            assertEquals(1, sidecar.metric("redis_up"));
        }
    }
}
