package io.github.redissidecar.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.redissidecar.testing.Eventually;
import io.github.redissidecar.testing.MetricsText;
import io.github.redissidecar.testing.RedisServer;
import io.github.redissidecar.testing.ServerUnderTest;
import io.github.redissidecar.testing.SidecarProcess;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What the sidecar sends never makes the server count an error, on every server of the matrix: polling, key
 * sampling, the settings check, a restart whose RDB takes seconds to load (while the sidecar keeps polling), and
 * the settings put back after it. INFO errorstats must stay empty. Also says which server ran, so that a matrix run
 * on the wrong binary fails here rather than passing on the default one.
 */
@Tag(ServerUnderTest.MATRIX)
class ServerCompatibilityIT {

    private static final String SAMPLES = "redis_sidecar_keygroup_samples_total";

    @Test
    @Timeout(120)
    void noErrorRepliesAcrossPollingSamplingAndARestartThatLoadsForSeconds() throws Exception {
        try (RedisServer redis = new RedisServer().start()) {
            redis.call("EVAL", "for i = 1, 40000 do redis.call('SET', 'celery-task-meta-' .. i, string.rep('x', 100))"
                    + " end", "0");
            redis.call("SAVE");
            try (SidecarProcess sidecar = SidecarProcess.start(Map.of("REDIS_ADDR", redis.address(),
                    "SIDECAR_SETTINGS", "maxmemory 64mb\nmaxmemory-policy allkeys-lru",
                    "SIDECAR_CONTAINER_MEMORY_LIMIT", "256mb", "SIDECAR_KEYS_SAMPLES_PER_MINUTE", "6000",
                    "SIDECAR_POLL_INTERVAL", "1s"))) {
                String metrics = sidecar.awaitMetrics(t -> MetricsText.value(t, SAMPLES).orElse(0) >= 32,
                        "keys sampled");
                assertServerIsTheOneNamed(metrics, sidecar.get("/status"));

                // kill -9, then a load slowed to seconds (about 80 µs a key): the sidecar polls meanwhile.
                redis.kill();
                long restartsBefore = (long) MetricsText.value(metrics, "redis_sidecar_restarts_detected_total")
                        .orElse(0);
                redis.restartWith("--key-load-delay", "50", "--loading-process-events-interval-bytes", "1024");
                Eventually.within(Duration.ofSeconds(30), "settings back after the restart",
                        () -> "67108864".equals(redis.config("maxmemory")));
                double sampled = MetricsText.value(sidecar.get("/metrics"), SAMPLES).orElse(0);
                sidecar.awaitMetrics(t -> MetricsText.value(t, "redis_sidecar_restarts_detected_total").orElse(0)
                        > restartsBefore && MetricsText.value(t, SAMPLES).orElse(0) >= sampled + 32,
                        "sampling again after the restart");
            }
            List<String> counted = redis.errorReplies();
            List<String> rejected = redis.call("INFO", "commandstats").lines()
                    .filter(l -> l.contains("rejected_calls=") && !l.contains("rejected_calls=0,")).toList();
            assertEquals(List.of(), counted, "error replies counted by the server; commands rejected: " + rejected);
            assertEquals(0, redis.infoField("stats", "total_error_replies"), redis.call("INFO", "stats"));
        }
    }

    private static void assertServerIsTheOneNamed(String metrics, String status) {
        String info = metrics.lines().filter(l -> l.startsWith("redis_instance_info{")).collect(Collectors.joining());
        assertTrue(info.contains("redis_mode=\"standalone\""), "redis_mode filled on every server: " + info);
        String expected = ServerUnderTest.expected();
        if (expected != null) {
            String[] nameAndVersion = expected.split(" ");
            assertTrue(status.contains("\"server\":\"" + nameAndVersion[0] + "\"")
                    && status.contains("\"version\":\"" + nameAndVersion[1]), ServerUnderTest.EXPECTED + "="
                    + expected + " but /status says " + status);
        }
        System.out.printf("server under test: %s%n", info);
    }
}
