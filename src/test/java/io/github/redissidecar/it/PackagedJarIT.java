package io.github.redissidecar.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.redissidecar.testing.RedisServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The packaged fast-jar, run as users run it: redis_exporter's variables, startup validation. */
class PackagedJarIT {

    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");

    @Test
    void badContainerLimitStopsStartupNamingKeyAndValue() throws Exception {
        Path out = Files.createTempFile("sidecar", ".log");
        Process p = start(Map.of("SIDECAR_CONTAINER_MEMORY_LIMIT", "768 potatoes",
                "QUARKUS_HTTP_PORT", Integer.toString(RedisServer.freePort())), out);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the sidecar must exit");
        assertNotEquals(0, p.exitValue());
        String log = Files.readString(out);
        assertTrue(log.contains("SIDECAR_CONTAINER_MEMORY_LIMIT"), log);
        assertTrue(log.contains("'768 potatoes'"), log);
    }

    @Test
    void redisExporterVariablesWorkAndThePasswordIsNeverShown() throws Exception {
        String secret = "Jar-S3cret-" + System.nanoTime();
        try (RedisServer redis = new RedisServer("--requirepass", secret).start()) {
            int port = RedisServer.freePort();
            Path out = Files.createTempFile("sidecar", ".log");
            Process p = start(Map.of("REDIS_ADDR", "127.0.0.1:" + redis.port(), "REDIS_PASSWORD", secret,
                    "QUARKUS_HTTP_PORT", Integer.toString(port)), out);
            try {
                String metrics = awaitMetrics(port, "redis_up 1");
                assertTrue(metrics.contains("redis_memory_used_bytes "));
                assertFalse(metrics.contains(secret));
                assertEquals(1, redis.call("CLIENT", "LIST").lines()
                        .filter(l -> l.contains("name=redis-memory-sidecar")).count());
            } finally {
                p.destroy();
                p.waitFor(20, TimeUnit.SECONDS);
            }
            assertFalse(Files.readString(out).contains(secret), "the password is never logged");
        }
    }

    private static Process start(Map<String, String> env, Path out) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(List.of(javaBin(), "-jar", JAR.toString()))
                .redirectErrorStream(true).redirectOutput(out.toFile());
        pb.environment().putAll(env);
        return pb.start();
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String awaitMetrics(int port, String expected) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            try {
                last = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                if (last.contains("\n" + expected + "\n")) {
                    return last;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no '" + expected + "' on /metrics within 30 s; last:\n" + last);
    }
}
