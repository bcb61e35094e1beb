package io.github.redissidecar.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.redissidecar.testing.MetricsText;
import io.github.redissidecar.testing.Pace;
import io.github.redissidecar.testing.RedisServer;
import io.github.redissidecar.testing.SidecarProcess;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A forgotten password against a requirepass Redis is an authentication failure with one log line naming the fix,
 * and a backoff that grows: a handful of connections, not a reconnect storm that Redis counts as protocol errors.
 */
class MissingPasswordIT {

    @Test
    void noPasswordIsOneAuthLineAndAFewConnections() throws Exception {
        try (RedisServer redis = new RedisServer("--requirepass", "celery-secret").start()) {
            long before = connectionsReceived(redis);
            try (SidecarProcess sidecar = SidecarProcess.start(Map.of("REDIS_ADDR", redis.address()))) {
                sidecar.awaitMetrics(t -> MetricsText.value(t, "redis_sidecar_poll_errors_total{reason=\"auth\"}").orElse(0) > 0, "auth errors");
                long startedAt = System.nanoTime();
                Pace.hold(Duration.ofSeconds(10)); // the window the connections are counted in
                String metrics = sidecar.get("/metrics");
                long connections = connectionsReceived(redis) - before - 1; // minus this INFO's own
                List<String> unavailable = sidecar.output().lines().filter(l -> l.contains("unavailable")).toList();
                System.out.printf("no password: %d connections to Redis in %.0f s; log: %s%n", connections,
                        (System.nanoTime() - startedAt) / 1e9, unavailable);
                assertTrue(connections <= 10, connections + " connections");
                assertTrue(MetricsText.has(metrics, "redis_up 0"));
                assertTrue(MetricsText.has(metrics, "redis_sidecar_poll_errors_total{reason=\"protocol\"} 0"), metrics);
                assertTrue(MetricsText.has(metrics, "redis_sidecar_poll_errors_total{reason=\"connect\"} 0"), metrics);
                assertEquals(1, unavailable.size(), sidecar.output());
                assertTrue(unavailable.get(0).contains("(auth)") && unavailable.get(0).contains("REDIS_PASSWORD")
                        && unavailable.get(0).contains("requires a password"), unavailable.get(0));
            }
        }
    }

    private static long connectionsReceived(RedisServer redis) throws Exception {
        return redis.call("INFO", "stats").lines().filter(l -> l.startsWith("total_connections_received:"))
                .map(l -> Long.parseLong(l.substring(l.indexOf(':') + 1).strip())).findFirst().orElseThrow();
    }
}
