package io.github.redissidecar.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.redissidecar.testing.Pace;
import io.github.redissidecar.testing.RedisServer;
import io.github.redissidecar.testing.SidecarProcess;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Nothing listening for two minutes: the sidecar keeps serving, logs the condition once (not once per retry),
 * keeps its reconnect delay capped, and picks Redis up as soon as it appears.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class RedisAbsentChaosIT {

    @Test
    void twoMinutesWithoutRedisThenRecovery() throws Exception {
        RedisServer redis = new RedisServer(); // a free port; not started yet
        try (redis; SidecarProcess sidecar = SidecarProcess.start(Map.of("REDIS_ADDR", redis.address()))) {
            sidecar.awaitMetrics("redis_up 0");
            Pace.hold(Duration.ofMinutes(2)); // the outage under test
            assertEquals(0, sidecar.metric("redis_up"));
            long failureLines = sidecar.output().lines().filter(l -> l.contains("unavailable (connect)")).count();
            redis.start();
            long recoveryMillis = sidecar.awaitMillis("redis_up 1", Duration.ofSeconds(5));
            long logLines = sidecar.output().lines().count();
            System.out.printf("120 s without Redis: %d failure log line(s), %d log lines in all; up %d ms after Redis "
                    + "started%n", failureLines, logLines, recoveryMillis);
            assertEquals(1, failureLines, sidecar.output());
            assertTrue(logLines < 30, "log flooded:\n" + sidecar.output());
            assertTrue(recoveryMillis < 1_000, "backoff not capped: " + recoveryMillis + " ms");
        }
    }
}
