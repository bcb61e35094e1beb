package io.github.redissidecar.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.redissidecar.testing.Eventually;
import io.github.redissidecar.testing.Pace;
import io.github.redissidecar.testing.RedisServer;
import io.github.redissidecar.testing.RespClient;
import io.github.redissidecar.testing.SidecarProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The packaged sidecar applies edits of its settings file and of its container memory limit file while it runs,
 * against a real Redis that keeps its run_id throughout (no restart): a ConfigMap-style {@code ..data} symlink swap
 * and a plain atomic rename both land within a deadline, a removed parameter stops being enforced, an invalid edit
 * keeps the last good settings with one log line, and a changed limit moves {@code maxmemory 50%}, lowering it
 * only while that is safe.
 */
class SettingsLiveIT {

    private static final Duration DEADLINE = Duration.ofSeconds(20);
    private static final long MIB = 1L << 20;

    @Test
    void settingsFileEditsAreAppliedWithoutARedisRestart() throws Exception {
        Path dir = Files.createTempDirectory("configmap-");
        Path file = configMap(dir, 1, "maxmemory 64mb\nmaxmemory-policy allkeys-lru\n");
        try (RedisServer redis = new RedisServer().start();
                SidecarProcess sidecar = SidecarProcess.start(Map.of("REDIS_ADDR", redis.address(),
                        "SIDECAR_SETTINGS_FILE", file.toString(), "SIDECAR_SETTINGS_WATCH_INTERVAL", "1s",
                        "SIDECAR_DRIFT_CHECK_INTERVAL", "1s"))) {
            awaitConfig(redis, "maxmemory", Long.toString(64 * MIB));
            String runId = runId(redis);

            configMap(dir, 2, "maxmemory 96mb\nmaxmemory-policy allkeys-lru\n"); // the kubelet's ..data swap
            awaitConfig(redis, "maxmemory", Long.toString(96 * MIB));
            assertTrue(sidecar.output().contains("Settings change: maxmemory 64mb (67108864) -> 96mb (100663296)"),
                    sidecar.output());

            replace(file, "maxmemory 80mb\nmaxmemory-policy allkeys-lru\n"); // a new file renamed over the path
            awaitConfig(redis, "maxmemory", Long.toString(80 * MIB));

            redis.call("CONFIG", "SET", "maxmemory-policy", "volatile-lru");
            awaitConfig(redis, "maxmemory-policy", "allkeys-lru"); // enforced: a hand-typed change is put back
            replace(file, "maxmemory 80mb\n");
            Eventually.within(DEADLINE, "the removal logged", () -> sidecar.output().contains(
                    "Settings change: maxmemory-policy removed"));
            redis.call("CONFIG", "SET", "maxmemory-policy", "volatile-lru");
            sidecar.awaitPolls(4); // each poll would have put it back, were it still enforced
            assertEquals("volatile-lru", redis.config("maxmemory-policy"), "no longer enforced");

            replace(file, "maxmemory lots\n");
            sidecar.awaitMetrics("redis_sidecar_settings_refused 1");
            // Three more looks at the same invalid file (every SIDECAR_SETTINGS_WATCH_INTERVAL, 1 s): nothing in
            // Redis or on /metrics shows a look at a file that did not change, so the time itself.
            Pace.hold(Duration.ofSeconds(3));
            java.util.List<String> refusals = sidecar.output().lines()
                    .filter(l -> l.contains("Settings change not applied")).toList();
            assertEquals(1, refusals.size(), sidecar.output());
            assertTrue(refusals.get(0).contains("SIDECAR_SETTINGS_FILE " + file + " line 1 \"maxmemory lots\"")
                    && refusals.get(0).contains("is not a size"), refusals.get(0));
            assertEquals(Long.toString(80 * MIB), redis.config("maxmemory"), "the last good settings stay");
            assertTrue(sidecar.get("/status").contains("A settings change is not applied"), sidecar.get("/status"));

            replace(file, "maxmemory 72mb\n");
            awaitConfig(redis, "maxmemory", Long.toString(72 * MIB));
            sidecar.awaitMetrics("redis_sidecar_settings_refused 0");
            assertEquals(runId, runId(redis), "the same Redis all along");
        }
    }

    @Test
    void aChangedLimitFileMovesAPercentageLoweringOnlyWhenSafe() throws Exception {
        Path limit = Files.createTempDirectory("podinfo-").resolve("redis-memory-limit");
        Files.writeString(limit, Long.toString(256 * MIB));
        try (RedisServer redis = new RedisServer().start();
                SidecarProcess sidecar = SidecarProcess.start(Map.of("REDIS_ADDR", redis.address(),
                        "SIDECAR_CONTAINER_MEMORY_LIMIT_FILE", limit.toString(),
                        "SIDECAR_SETTINGS", "maxmemory 50%\nmaxmemory-policy allkeys-lru",
                        "SIDECAR_SETTINGS_WATCH_INTERVAL", "1s", "SIDECAR_DRIFT_CHECK_INTERVAL", "1s"))) {
            awaitConfig(redis, "maxmemory", Long.toString(128 * MIB));
            String runId = runId(redis);

            replace(limit, Long.toString(512 * MIB));
            awaitConfig(redis, "maxmemory", Long.toString(256 * MIB));
            sidecar.awaitMetrics("redis_sidecar_container_memory_limit_bytes " + 512 * MIB);
            replace(limit, Long.toString(128 * MIB));
            awaitConfig(redis, "maxmemory", Long.toString(64 * MIB)); // lower, and safe: nearly empty

            try (RespClient client = redis.client()) {
                String megabyte = "x".repeat((int) MIB);
                for (int i = 0; i < 24; i++) {
                    client.call("SET", "test:" + i, megabyte);
                }
            }
            replace(limit, Long.toString(32 * MIB)); // 50 % is 16 MiB, below the ~25 MiB in use
            try {
                sidecar.awaitMetrics(m -> m.contains("redis_sidecar_enforcement_blocked{parameter=\"maxmemory\""),
                        "maxmemory held back");
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "\n" + sidecar.output(), e);
            }
            assertEquals(Long.toString(64 * MIB), redis.config("maxmemory"), "never evicts to apply a lower limit");

            redis.call("FLUSHALL");
            awaitConfig(redis, "maxmemory", Long.toString(16 * MIB)); // safe now: it lands
            assertEquals(runId, runId(redis), "the same Redis all along");
            assertTrue(sidecar.output().contains("Container memory limit changed: 536870912 bytes -> 134217728 "
                    + "bytes"), sidecar.output());
        }
    }

    private static void replace(Path file, String content) throws IOException {
        Path next = file.resolveSibling(file.getFileName() + ".new");
        Files.writeString(next, content);
        Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static Path configMap(Path dir, int version, String content) throws IOException {
        Path data = dir.resolve("..2026_01_0" + version);
        Files.createDirectory(data);
        Files.writeString(data.resolve("settings.conf"), content);
        Path tmp = dir.resolve("..data_tmp");
        Files.createSymbolicLink(tmp, data.getFileName());
        Files.move(tmp, dir.resolve("..data"), StandardCopyOption.ATOMIC_MOVE);
        Path file = dir.resolve("settings.conf");
        if (!Files.isSymbolicLink(file)) {
            Files.createSymbolicLink(file, Path.of("..data", "settings.conf"));
        }
        return file;
    }

    private static void awaitConfig(RedisServer redis, String parameter, String value) throws Exception {
        Eventually.within(DEADLINE, parameter + " " + value + " in Redis", () -> value.equals(redis.config(
                parameter)));
    }

    private static String runId(RedisServer redis) throws IOException {
        try (RespClient client = redis.client()) {
            return client.text("INFO", "server").lines().filter(l -> l.startsWith("run_id:"))
                    .map(l -> l.substring(7).strip()).findFirst().orElseThrow();
        }
    }
}
