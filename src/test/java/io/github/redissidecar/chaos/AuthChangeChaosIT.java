package io.github.redissidecar.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.redissidecar.testing.Eventually;
import io.github.redissidecar.testing.MetricsText;
import io.github.redissidecar.testing.RedisServer;
import io.github.redissidecar.testing.SidecarProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Credentials change under a running sidecar: requirepass changed at runtime, an ACL user deleted. Each outage is
 * one auth error metric and one log line, and the sidecar recovers without a restart once the secret is right.
 */
class AuthChangeChaosIT {

    @Test
    void requirepassChangedThenPasswordFileRewritten() throws Exception {
        Path passwordFile = Files.createTempFile("sidecar", ".pw");
        Files.writeString(passwordFile, "first-pw");
        try (RedisServer redis = new RedisServer("--requirepass", "first-pw").start();
                SidecarProcess sidecar = SidecarProcess.start(Map.of("REDIS_ADDR", redis.address(),
                        "REDIS_PASSWORD_FILE", passwordFile.toString()))) {
            long pid = sidecar.process().pid();
            sidecar.awaitMetrics("redis_up 1");
            redis.call("CONFIG", "SET", "requirepass", "second-pw");
            redis.password("second-pw");
            killSidecarConnection(redis); // Redis keeps authenticated connections; a reconnect meets the new password
            sidecar.awaitMetrics(t -> MetricsText.has(t, "redis_up 0") && MetricsText.value(t, "redis_sidecar_poll_errors_total{reason=\"auth\"}").orElse(0) > 0,
                    "auth errors");
            awaitRefusals(redis, 2); // more attempts with the wrong password: none may log again
            Files.writeString(passwordFile, "second-pw");
            sidecar.awaitMetrics("redis_up 1");
            assertEquals(pid, sidecar.process().pid());
            assertEquals(1, count(sidecar, "unavailable (auth)"), sidecar.output());
        }
    }

    @Test
    void aclUserDeletedThenRecreated() throws Exception {
        try (RedisServer redis = new RedisServer().start()) {
            redis.call("ACL", "SETUSER", "monitor", "on", ">monitor-pw", "~*", "+@all");
            try (SidecarProcess sidecar = SidecarProcess.start(Map.of("REDIS_ADDR", redis.address(),
                    "REDIS_USER", "monitor", "REDIS_PASSWORD", "monitor-pw"))) {
                sidecar.awaitMetrics("redis_up 1");
                redis.call("ACL", "DELUSER", "monitor"); // Redis disconnects the user's clients
                sidecar.awaitMetrics(t -> MetricsText.has(t, "redis_up 0") && MetricsText.value(t, "redis_sidecar_poll_errors_total{reason=\"auth\"}").orElse(0) > 0,
                        "auth errors");
                awaitRefusals(redis, 2);
                redis.call("ACL", "SETUSER", "monitor", "on", ">monitor-pw", "~*", "+@all");
                sidecar.awaitMetrics("redis_up 1");
                assertEquals(1, count(sidecar, "unavailable (auth)"), sidecar.output());
            }
        }
    }

    // Redis counts each AUTH it refuses (errorstat_WRONGPASS): evidence that the sidecar tried again.
    private static void awaitRefusals(RedisServer redis, int more) throws Exception {
        long before = refusals(redis);
        Eventually.within(Duration.ofSeconds(15), Duration.ofMillis(100), more + " more refused AUTH",
                () -> refusals(redis) >= before + more);
    }

    private static long refusals(RedisServer redis) throws Exception {
        String stats = redis.call("INFO", "errorstats");
        int at = stats.indexOf("errorstat_WRONGPASS:count=");
        return at < 0 ? 0 : Long.parseLong(stats.substring(at + "errorstat_WRONGPASS:count=".length())
                .split("[\\r\\n,]")[0].strip());
    }

    private static void killSidecarConnection(RedisServer redis) throws Exception {
        String line = redis.call("CLIENT", "LIST").lines().filter(l -> l.contains("name=redis-memory-sidecar"))
                .findFirst().orElseThrow();
        String id = line.split(" ")[0].substring("id=".length());
        redis.call("CLIENT", "KILL", "ID", id);
    }

    private static long count(SidecarProcess sidecar, String text) throws Exception {
        return sidecar.output().lines().filter(l -> l.contains(text)).count();
    }
}
