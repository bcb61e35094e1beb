package io.github.redissidecar.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.redissidecar.testing.Eventually;
import io.github.redissidecar.testing.RedisServer;
import io.github.redissidecar.testing.SidecarProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The two seed documents' setups, with Redis's command line holding only what must be there at boot and the
 * memory settings in the sidecar: each Redis is restarted (kill -9 and SHUTDOWN NOSAVE, alternating) and each gets
 * its settings back. Prints how long Redis ran without them, measured from the restarted Redis answering PING.
 */
class SeedSetupsIT {

    private static final String CACHE = "maxmemory 256mb\nmaxmemory-policy allkeys-lru\nsave \"\"";

    @Test
    void seed000CacheIsRestoredAfterTwentyRestarts() throws Exception {
        List<Long> millis = run(new String[] {"--appendonly", "no", "--save", ""}, CACHE, Map.of(),
                Map.of("maxmemory", "268435456", "maxmemory-policy", "allkeys-lru", "save", ""), 20);
        millis.sort(null);
        long p50 = millis.get(millis.size() / 2);
        long max = millis.get(millis.size() - 1);
        System.out.printf("restart -> settings restored over %d restarts: p50 %d ms, max %d ms, all %s%n",
                millis.size(), p50, max, millis);
    }

    @Test
    void seed000StateIsRestored() throws Exception {
        run(new String[] {"--appendonly", "yes", "--save", ""},
                CACHE + "\nappendonly yes\nappendfsync everysec", Map.of(),
                Map.of("maxmemory", "268435456", "maxmemory-policy", "allkeys-lru", "appendfsync", "everysec"), 2);
    }

    @Test
    void seed001CeleryWithPasswordIsRestored() throws Exception {
        String password = "celery-" + System.nanoTime();
        run(new String[] {"--requirepass", password, "--appendonly", "yes"},
                "maxmemory 512mb\nmaxmemory-policy allkeys-lru\nsave 900 1 300 10 60 10000",
                Map.of("REDIS_PASSWORD", password, "SIDECAR_CONTAINER_MEMORY_LIMIT", "768mb"),
                Map.of("maxmemory", "536870912", "maxmemory-policy", "allkeys-lru", "save", "900 1 300 10 60 10000"),
                2);
    }

    /** Runs Redis and the packaged sidecar, restarts Redis {@code restarts} times; returns each restore time. */
    private static List<Long> run(String[] redisArgs, String settings, Map<String, String> extraEnv,
            Map<String, String> expected, int restarts) throws Exception {
        List<Long> millis = new ArrayList<>();
        try (RedisServer redis = new RedisServer(redisArgs).start()) {
            Map<String, String> env = new HashMap<>(extraEnv);
            env.put("REDIS_ADDR", redis.address());
            env.put("SIDECAR_SETTINGS", settings);
            try (SidecarProcess sidecar = SidecarProcess.start(env)) {
                awaitSettings(redis, expected, Duration.ofSeconds(30));
                for (int i = 0; i < restarts; i++) {
                    if (i % 2 == 0) {
                        redis.restart();
                    } else {
                        redis.shutdownNoSave();
                        redis.start();
                    }
                    millis.add(awaitSettings(redis, expected, Duration.ofSeconds(5)) / 1_000_000);
                }
                String metrics = sidecar.awaitMetrics("redis_sidecar_restarts_detected_total " + restarts);
                assertTrue(metrics.contains("redis_sidecar_enforcement_available 1"), metrics);
            }
        }
        assertEquals(restarts, millis.size());
        assertTrue(millis.stream().allMatch(m -> m <= 500), "settings back within 500 ms of Redis answering, "
                + "every time: " + millis);
        return millis;
    }

    private static long awaitSettings(RedisServer redis, Map<String, String> expected, Duration timeout)
            throws Exception {
        return Eventually.within(timeout, "settings " + expected, () -> {
            for (Map.Entry<String, String> e : expected.entrySet()) {
                if (!e.getValue().equals(redis.config(e.getKey()))) {
                    return false;
                }
            }
            return true;
        });
    }
}
