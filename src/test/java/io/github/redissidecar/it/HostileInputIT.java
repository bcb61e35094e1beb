package io.github.redissidecar.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.redissidecar.testing.DockerfileJvm;
import io.github.redissidecar.testing.Eventually;
import io.github.redissidecar.testing.RedisServer;
import io.github.redissidecar.testing.SidecarProcess;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The hostile-input suite (issue "Hostile input never takes the sidecar down"): the packaged jar with the JVM image's
 * flags (a 16 MB heap, exit on out-of-memory) against HTTP clients that misbehave, settings files that are wrong on
 * purpose, and secrets where they should not be. After each: the sidecar still serves, Redis keeps its settings, and
 * no secret is in any output.
 */
class HostileInputIT {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private static SidecarProcess start(Map<String, String> env) throws IOException {
        Map<String, String> all = new HashMap<>(DockerfileJvm.environment());
        all.putAll(env);
        return SidecarProcess.start(all, DockerfileJvm.javaOpts());
    }

    private static int status(SidecarProcess sidecar, String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + sidecar.port() + path))
                .timeout(Duration.ofSeconds(5));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void uniqueUserAgentsAndThousandsOfIdleConnectionsLeaveItServing() throws Exception {
        try (RedisServer redis = new RedisServer().start();
                SidecarProcess sidecar = start(Map.of("REDIS_ADDR", redis.address()))) {
            sidecar.awaitMetrics("redis_up 1");
            Random random = new Random(1);
            IntStream.range(0, 3_000).parallel().forEach(i -> {
                byte[] agent = new byte[6 * 1024];
                synchronized (random) {
                    random.nextBytes(agent);
                }
                String ua = java.util.HexFormat.of().formatHex(agent, 0, 3_000);
                try {
                    HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + sidecar.port() + "/metrics"))
                            .header("User-Agent", ua).build(), HttpResponse.BodyHandlers.discarding());
                } catch (IOException | InterruptedException e) {
                    throw new AssertionError(e);
                }
            });
            List<Socket> idle = new ArrayList<>();
            try {
                for (int i = 0; i < 2_000; i++) {
                    try {
                        idle.add(new Socket("127.0.0.1", sidecar.port()));
                    } catch (IOException refusedByTheBacklog) {
                        break;
                    }
                }
                assertTrue(idle.size() > 256, "more idle connections than the limit: " + idle.size());
                assertTrue(sidecar.process().isAlive(), "alive with " + idle.size() + " idle connections");
                Socket past = idle.get(idle.size() - 1);
                past.setSoTimeout(5_000);
                int read;
                try {
                    past.getOutputStream().write("GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n".getBytes());
                    read = past.getInputStream().read();
                } catch (IOException reset) {
                    read = -1;
                }
                assertEquals(-1, read, "a connection past the limit is closed, not served");
            } finally {
                for (Socket s : idle) {
                    s.close();
                }
            }
            Eventually.within(DEADLINE, "/metrics served again", () -> sidecar.get("/metrics").contains("redis_up 1"));
            assertTrue(sidecar.process().isAlive());
            assertFalse(sidecar.output().contains("OutOfMemoryError"), sidecar.output());
        }
    }

    @Test
    void megabyteKeyNamesAreSkippedBySamplingNotSentBack() throws Exception {
        try (RedisServer redis = new RedisServer().start()) {
            for (int i = 0; i < 20; i++) {
                redis.call("SET", (char) ('a' + i) + "x".repeat(1_000_000), "v");
            }
            for (int i = 0; i < 200; i++) {
                redis.call("SET", "session:" + i, "v");
            }
            long inputBefore = redis.infoField("stats", "total_net_input_bytes");
            try (SidecarProcess sidecar = start(Map.of("REDIS_ADDR", redis.address()))) {
                sidecar.awaitMetrics(t -> io.github.redissidecar.testing.MetricsText.value(t,
                        "redis_sidecar_keygroup_long_names_skipped_total").orElse(0) >= 5
                        && io.github.redissidecar.testing.MetricsText.value(t,
                                "redis_sidecar_keygroup_samples_total").orElse(0) >= 100, "long names skipped");
                assertTrue(sidecar.process().isAlive());
                assertTrue(sidecar.get("/metrics").contains("redis_up 1"));
                assertFalse(sidecar.output().contains("OutOfMemoryError"), sidecar.output());
                // Never sent back: a long name in MEMORY USAGE and PTTL would be 2 MB of input to Redis each time.
                long input = redis.infoField("stats", "total_net_input_bytes") - inputBefore;
                assertTrue(input < 1_000_000, "bytes Redis received while the sidecar sampled: " + input);
                assertEquals(220, Long.parseLong(redis.call("DBSIZE").strip().replace(":", "")), "Redis untouched");
            }
        }
    }

    @Test
    void anEmptyBlankOrMissingTokenFileRefusesToStartInOneLine() throws Exception {
        Path dir = Files.createTempDirectory("token");
        for (String content : new String[] {"", "  \n"}) {
            Path file = Files.writeString(dir.resolve(UUID.randomUUID().toString()), content);
            assertRefusesToStart(Map.of("SIDECAR_HTTP_BEARER_TOKEN_FILE", file.toString()), "is empty or blank");
        }
        assertRefusesToStart(Map.of("SIDECAR_HTTP_BEARER_TOKEN", ""), "SIDECAR_HTTP_BEARER_TOKEN is set but empty");
        assertRefusesToStart(Map.of("SIDECAR_HTTP_BEARER_TOKEN_FILE", ""), "SIDECAR_HTTP_BEARER_TOKEN_FILE is set but");
        assertRefusesToStart(Map.of("SIDECAR_HTTP_BEARER_TOKEN_FILE", dir.resolve("absent").toString()),
                "cannot be read (NoSuchFileException)");
        assertRefusesToStart(Map.of("SIDECAR_HTTP_BASIC_AUTH_USER", "prom", "SIDECAR_HTTP_BASIC_AUTH_PASSWORD_FILE",
                "/dev/zero"), "is not a regular file");
        String secret = "pw-" + UUID.randomUUID();
        Path passwordFile = Files.writeString(dir.resolve("redis-password"), secret);
        String output = assertRefusesToStart(Map.of("SIDECAR_CONTAINER_MEMORY_LIMIT_FILE", passwordFile.toString()),
                "does not hold a memory size");
        assertFalse(output.contains(secret), output);
    }

    private static String assertRefusesToStart(Map<String, String> env, String expected) throws Exception {
        Map<String, String> all = new HashMap<>(env);
        all.put("REDIS_ADDR", "redis://127.0.0.1:" + RedisServer.freePort());
        try (SidecarProcess sidecar = start(all)) {
            assertTrue(sidecar.process().waitFor(30, TimeUnit.SECONDS), "exits");
            assertEquals(1, sidecar.process().exitValue());
            // The JVM's own warning about the image's -Xms4m -Xmn4m is not the sidecar's output.
            List<String> lines = sidecar.output().lines().filter(l -> !l.isBlank() && !l.startsWith("[")).toList();
            assertEquals(1, lines.size(), sidecar.output());
            assertTrue(lines.get(0).startsWith("Refusing to start.") && lines.get(0).contains(expected), lines.get(0));
            return sidecar.output();
        }
    }

    @Test
    void theTokenIsLiteralTheSchemeIgnoresCaseAndQuarkusMetricsIsProtected() throws Exception {
        String token = "t0k${HOME}en";
        try (RedisServer redis = new RedisServer().start();
                SidecarProcess sidecar = start(Map.of("REDIS_ADDR", redis.address(), "SIDECAR_HTTP_BEARER_TOKEN",
                        token))) {
            Eventually.within(DEADLINE, "listening", () -> {
                try {
                    return status(sidecar, "/q/health/live", null) == 200;
                } catch (IOException notYet) {
                    return false;
                }
            });
            for (String path : List.of("/metrics", "/status", "/q/metrics")) {
                assertEquals(401, status(sidecar, path, null), path);
                assertEquals(401, status(sidecar, path, "Bearer t0k" + System.getenv("HOME") + "en"), path);
                assertEquals(200, status(sidecar, path, "Bearer " + token), path);
                assertEquals(200, status(sidecar, path, "bearer " + token), path);
            }
        }
    }

    @Test
    void wrongSettingsFilesAreRefusedInOneLineAndTheLastGoodSettingsStay() throws Exception {
        String secret = "hunter2-" + UUID.randomUUID();
        Path dir = Files.createTempDirectory("settings");
        Path file = Files.writeString(dir.resolve("settings.conf"), "maxmemory 64mb\n");
        try (RedisServer redis = new RedisServer().start();
                SidecarProcess sidecar = start(Map.of("REDIS_ADDR", redis.address(), "SIDECAR_SETTINGS_FILE",
                        file.toString(), "SIDECAR_SETTINGS_WATCH_INTERVAL", "1s"))) {
            awaitMaxmemory(redis, "67108864");
            String[] hostile = {
                "maxmemory-policy " + "x".repeat(100_000) + "\n", // a line over 16 KiB in a file under 256 KiB
                "# a comment\n".repeat(30_000),
                "requirepass " + secret + "\n",
                "tls-key-file-pass " + secret + "\n",
                secret + "\n",
                "maxmemory-policy \"allkeys-lru\\r\\nERROR [Forged] line\"\n",
                "maxmemory 0.000001%\n",
            };
            double refused = 0;
            for (String text : hostile) {
                replace(file, text);
                double before = refused;
                refused = awaitRefusals(sidecar, before);
                assertEquals("67108864", redis.config("maxmemory"), "the last good settings stay");
            }
            Files.delete(file);
            assertEquals(0, new ProcessBuilder("mkfifo", file.toString()).start().waitFor());
            awaitRefusals(sidecar, refused);
            Files.delete(file);
            replace(file, "maxmemory 48mb\n");
            awaitMaxmemory(redis, "50331648");
            String everything = sidecar.output() + sidecar.get("/status") + sidecar.get("/metrics");
            assertFalse(everything.contains(secret), everything);
            assertFalse(sidecar.output().lines().anyMatch(l -> l.startsWith("ERROR [Forged]")), sidecar.output());
            assertTrue(sidecar.process().isAlive());
        }
    }

    /** Waits for one more refusal: each refused edit is counted once (the log says it once). */
    private static double awaitRefusals(SidecarProcess sidecar, double before) throws Exception {
        Eventually.within(DEADLINE, "a refusal after " + before, () -> sidecar.output().lines()
                .filter(l -> l.contains("Settings change not applied")).count() > before);
        return sidecar.output().lines().filter(l -> l.contains("Settings change not applied")).count();
    }

    private static void awaitMaxmemory(RedisServer redis, String bytes) {
        Eventually.within(DEADLINE, "maxmemory " + bytes, () -> bytes.equals(redis.config("maxmemory")));
    }

    private static void replace(Path file, String content) throws IOException {
        Path next = file.resolveSibling(file.getFileName() + ".new");
        Files.writeString(next, content);
        Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
