package io.github.redissidecar.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.redissidecar.testing.RedisServer;
import io.github.redissidecar.testing.MetricsText;
import io.github.redissidecar.testing.SidecarProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Secrets never shown, and nothing written: full runs of the packaged jar with a known random requirepass, an ACL
 * password, a password file and credentials in the URL, through good and failing authentication and a Redis
 * restart; every output (log, /metrics, /status) is searched for each secret.
 */
class SecurityIT {

    @Test
    void noSecretInAnyOutputAndNothingWrittenToDisk() throws Exception {
        String requirepass = "rp-" + UUID.randomUUID();
        String aclPassword = "acl-" + UUID.randomUUID();
        String filePassword = "file-" + UUID.randomUUID();
        String wrong = "wrong-" + UUID.randomUUID();
        List<String> secrets = List.of(requirepass, aclPassword, filePassword, wrong);
        Path scratch = Files.createTempDirectory("sidecar-readonly");
        List<String> outputs = new ArrayList<>();
        try (RedisServer redis = new RedisServer("--requirepass", requirepass, "--user", "monitor", "on",
                ">" + aclPassword, ">" + filePassword, "~*", "+@all").start()) {
            String port = Integer.toString(redis.port());
            Path passwordFile = Files.writeString(scratch.resolveSibling(scratch.getFileName() + ".pw"), wrong);
            outputs.addAll(run(Map.of("REDIS_ADDR", "redis://:" + requirepass + "@127.0.0.1:" + port), redis,
                    scratch, "requirepass in the URL"));
            outputs.addAll(run(Map.of("REDIS_ADDR", "redis://127.0.0.1:" + port, "REDIS_USER", "monitor",
                    "REDIS_PASSWORD", aclPassword), redis, scratch, "ACL user"));
            outputs.addAll(runFailingThenFixed(Map.of("REDIS_ADDR", "redis://127.0.0.1:" + port, "REDIS_USER",
                    "monitor", "REDIS_PASSWORD_FILE", passwordFile.toString()), passwordFile, filePassword, scratch));
        }
        for (String output : outputs) {
            for (String secret : secrets) {
                assertFalse(output.contains(secret), "a secret appeared in:\n" + output);
            }
        }
        try (Stream<Path> written = Files.list(scratch)) {
            assertEquals(List.of(), written.toList(), "the sidecar wrote to its temp directory or home");
        }
    }

    /** One run: settings applied, Redis restarted, every output collected. */
    private static List<String> run(Map<String, String> env, RedisServer redis, Path scratch, String what)
            throws Exception {
        try (SidecarProcess sidecar = start(env, scratch)) {
            sidecar.awaitMetrics("redis_up 1");
            redis.restart();
            String metrics = sidecar.awaitMetrics(t -> MetricsText.has(t, "redis_sidecar_restarts_detected_total 1")
                    && MetricsText.has(t, "redis_up 1"), what + ": restart seen");
            String status = sidecar.get("/status");
            assertTrue(status.contains("\"address\":\"redis://127.0.0.1:" + redis.port() + "\""), status);
            return List.of(metrics, status, sidecar.output());
        }
    }

    /** A wrong password file first (auth errors, with their messages), then the right one without a restart. */
    private static List<String> runFailingThenFixed(Map<String, String> env, Path passwordFile, String right,
            Path scratch) throws Exception {
        try (SidecarProcess sidecar = start(env, scratch)) {
            String failing = sidecar.awaitMetrics(t -> MetricsText.value(t, "redis_sidecar_poll_errors_total{reason=\"auth\"}").orElse(0) > 0, "auth errors");
            String failingStatus = sidecar.get("/status");
            assertTrue(failingStatus.contains("\"up\":false"), failingStatus);
            Files.writeString(passwordFile, right);
            String fixed = sidecar.awaitMetrics("redis_up 1");
            long authLines = sidecar.output().lines().filter(l -> l.contains("unavailable (auth)")).count();
            assertEquals(1, authLines, "one log line for the auth failure:\n" + sidecar.output());
            return List.of(failing, failingStatus, fixed, sidecar.get("/status"), sidecar.output());
        }
    }

    private static SidecarProcess start(Map<String, String> env, Path scratch) throws Exception {
        Map<String, String> all = new java.util.HashMap<>(env);
        all.put("SIDECAR_SETTINGS", "maxmemory 64mb\nmaxmemory-policy allkeys-lru");
        all.put("HOME", scratch.toString());
        return SidecarProcess.start(all, List.of("-XX:-UsePerfData", "-Djava.io.tmpdir=" + scratch,
                "-Duser.home=" + scratch));
    }
}
