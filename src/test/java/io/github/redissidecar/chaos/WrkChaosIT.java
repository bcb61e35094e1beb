package io.github.redissidecar.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.redissidecar.testing.Command;
import io.github.redissidecar.testing.Pace;
import io.github.redissidecar.testing.RedisServer;
import io.github.redissidecar.testing.SidecarProcess;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** /metrics under wrk for 30 s while Redis restarts every two seconds: no errors, no slow answers. */
class WrkChaosIT {

    @Test
    void scrapesStayFastAndCorrectWhileRedisRestarts() throws Exception {
        try (RedisServer redis = new RedisServer().start();
                SidecarProcess sidecar = SidecarProcess.start(Map.of("REDIS_ADDR", redis.address(),
                        "SIDECAR_SETTINGS", "maxmemory 64mb"))) {
            sidecar.awaitMetrics("redis_up 1");
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicInteger restarts = new AtomicInteger();
            Thread chaos = new Thread(() -> {
                while (running.get()) {
                    try {
                        Pace.hold(Duration.ofSeconds(2)); // the scenario: a restart every 2 s
                        if (restarts.incrementAndGet() % 2 == 0) {
                            redis.restart();
                        } else {
                            redis.shutdownNoSave();
                            redis.start();
                        }
                    } catch (Exception e) {
                        return;
                    }
                }
            });
            chaos.start();
            Command.Result wrk;
            try {
                wrk = Command.run("wrk", "-t2", "-c4", "-d30s", "--latency",
                        "http://127.0.0.1:" + sidecar.port() + "/metrics");
            } finally {
                running.set(false);
                chaos.join();
            }
            System.out.println("wrk during " + restarts.get() + " Redis restarts:\n" + wrk.output());
            assertEquals(0, wrk.exitCode(), wrk.output());
            assertFalse(wrk.output().contains("Non-2xx"), wrk.output());
            assertFalse(wrk.output().contains("Socket errors"), wrk.output());
            assertTrue(restarts.get() >= 10, "restarts: " + restarts.get());
            double p99 = millis(wrk.output(), "99%");
            double max = millis(wrk.output(), "Latency");
            assertTrue(p99 < 50, "p99 " + p99 + " ms");
            assertTrue(max < 500, "slowest answer " + max + " ms");
        }
    }

    /** The latency after {@code label} in wrk's output, in ms (for "Latency" the Max column). */
    private static double millis(String output, String label) {
        Pattern p = label.equals("Latency")
                ? Pattern.compile("Latency\\s+\\S+\\s+\\S+\\s+([0-9.]+)(us|ms|s)")
                : Pattern.compile(Pattern.quote(label) + "\\s+([0-9.]+)(us|ms|s)");
        Matcher m = p.matcher(output);
        assertTrue(m.find(), "no " + label + " in wrk output");
        double v = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> v / 1000;
            case "s" -> v * 1000;
            default -> v;
        };
    }
}
