package io.github.redissidecar.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.redissidecar.testing.MetricsText;
import io.github.redissidecar.testing.Pace;
import io.github.redissidecar.testing.ScriptedRedis;
import io.github.redissidecar.testing.SidecarProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The packaged sidecar, with a 16 MB heap that ends the process at the first OutOfMemoryError, against a server
 * that answers what no Redis does (issue 29, hostile input). Each time the sidecar keeps serving /metrics with
 * redis_up 0 and a reason, logs no stack trace, and does not hammer the server.
 */
class HostileServerIT {

    private static final List<String> SMALL_HEAP = List.of("-Xmx16m", "-XX:+ExitOnOutOfMemoryError");

    @Test
    void aConfigSetThatAnswersOkButDoesNotApplyIsRetriedWithBackoffAndReportedOnce() throws Exception {
        try (ScriptedRedis redis = new ScriptedRedis();
                SidecarProcess sidecar = start(redis, Map.of("SIDECAR_SETTINGS", "maxmemory 64mb"))) {
            sidecar.awaitMetrics(t -> MetricsText.value(t, "redis_sidecar_config_reassert_failures_total{parameter="
                    + "\"maxmemory\",reason=\"not_applied\"}").orElse(0) >= 1, "a set that did not apply");
            long before = redis.count("CONFIG SET");
            long infosBefore = redis.count("INFO");
            long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (System.nanoTime() < end) { // scrapes, each a poll that could set again: the window is the point
                sidecar.get("/metrics");
                Pace.hold(Duration.ofMillis(100)); // a scrape storm's pace, ten a second
            }
            long sets = redis.count("CONFIG SET") - before;
            long infos = redis.count("INFO") - infosBefore;
            String status = sidecar.get("/status");
            String output = sidecar.output();
            System.out.printf("CONFIG SET not applied: %d sets and %d INFO in 5 s%n", sets, infos);
            assertTrue(sets >= 1 && sets <= 5, sets + " CONFIG SETs in 5 s: retried after 1 s, 2 s, 4 s...");
            assertTrue(infos < 100, infos + " INFO in 5 s");
            assertTrue(status.contains("answered OK but Redis still reports 0"), status);
            long warnings = output.lines().filter(l -> l.contains("answered OK but Redis still reports")).count();
            assertTrue(warnings == 1, warnings + " lines:\n" + output);
            output.lines().filter(l -> l.contains("answered OK")).forEach(l -> System.out.println("  " + l));
            assertSane(sidecar, output, "redis_up 1");
        }
    }

    @Test
    void aHugeBulkReplyClosesTheConnection() throws Exception {
        assertBrokenReply(out -> {
            out.write("$600000000\r\n".getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[64 << 10];
            Arrays.fill(chunk, (byte) 'x');
            for (int i = 0; i < 600_000_000 / chunk.length; i++) {
                out.write(chunk); // fails once the sidecar has closed the connection
            }
        }, "bulk string of 600000000 bytes");
    }

    @Test
    void aTwoMegabyteErrorClosesTheConnection() throws Exception {
        assertBrokenReply(ScriptedRedis.raw("-ERR " + "E".repeat(2 << 20) + "\r\n"), "a line");
    }

    @Test
    void deeplyNestedArraysCloseTheConnection() throws Exception {
        assertBrokenReply(ScriptedRedis.raw("*1\r\n".repeat(1000) + ":1\r\n"), "nested");
    }

    @Test
    void anIntegerAnswerToInfoIsNotUp() throws Exception {
        assertBrokenReply(ScriptedRedis.raw(":1\r\n"), "INFO answered a reply of type NUMBER");
    }

    @Test
    void aRenamedAuthThatEchoesThePasswordNeverShowsIt() throws Exception {
        try (ScriptedRedis redis = new ScriptedRedis()) {
            redis.on("HELLO", ScriptedRedis.raw("-ERR unknown command 'HELLO', with args beginning with: '2' 'AUTH' "
                    + "'default' 'sekret' \r\n"))
                    .on("PING", ScriptedRedis.raw("-NOAUTH Authentication required.\r\n"))
                    .on("AUTH", ScriptedRedis.raw("-ERR unknown command 'auth', with args beginning with: 'sekret'"
                            + " \r\n"));
            try (SidecarProcess sidecar = start(redis, Map.of("REDIS_PASSWORD", "sekret"))) {
                String metrics = sidecar.awaitMetrics(t -> MetricsText.value(t,
                        "redis_sidecar_poll_errors_total{reason=\"protocol\"}").orElse(0) >= 1, "a protocol error");
                String status = sidecar.get("/status");
                String output = sidecar.output();
                assertTrue(output.contains("'****'"), output);
                output.lines().filter(l -> l.contains("'****'")).forEach(l -> System.out.println("  " + l));
                for (String text : List.of(metrics, status, output)) {
                    assertFalse(text.contains("sekret"), text);
                }
                assertSane(sidecar, output, "redis_up 0");
            }
        }
    }

    @Test
    void hostileAnswersToTheFirstCommandHelloAreCheckedToo() throws Exception {
        assertBrokenReply("HELLO", ScriptedRedis.raw("-ERR " + "E".repeat(2 << 20) + "\r\n"), "a line");
        assertBrokenReply("HELLO", ScriptedRedis.raw("$50000000\r\n" + "x".repeat(3 << 20)), "bulk string of 50000000");
        assertBrokenReply("HELLO", ScriptedRedis.raw("*1\r\n".repeat(1000) + ":1\r\n"), "nested");
    }

    private static void assertBrokenReply(ScriptedRedis.Answer info, String expected) throws Exception {
        assertBrokenReply("INFO", info, expected);
    }

    private static void assertBrokenReply(String command, ScriptedRedis.Answer answer, String expected)
            throws Exception {
        try (ScriptedRedis redis = new ScriptedRedis()) {
            redis.on(command, answer);
            try (SidecarProcess sidecar = start(redis, Map.of())) {
                sidecar.awaitMetrics(t -> MetricsText.value(t, "redis_sidecar_poll_errors_total{reason=\"protocol\"}")
                        .orElse(0) >= 1, "a protocol error");
                long before = redis.count(command);
                Pace.hold(Duration.ofSeconds(5)); // the window the attempts are counted in
                long infos = redis.count(command) - before;
                String output = sidecar.output();
                System.out.printf("%s to %s: %d %s in 5 s%n", expected, command, infos, command);
                assertTrue(infos <= 5, infos + " " + command + " in 5 s: the reconnects back off");
                assertTrue(output.contains(expected), output);
                List<String> lines = output.lines().filter(l -> l.contains(expected)).toList();
                System.out.println("  " + lines);
                assertTrue(lines.size() == 1, lines.size() + " lines naming it:\n" + output);
                assertSane(sidecar, output, "redis_up 0");
            }
        }
    }

    // Alive, serving /metrics with {@code up}, and no stack trace in the output.
    private static void assertSane(SidecarProcess sidecar, String output, String up) throws Exception {
        assertTrue(sidecar.process().isAlive(), output);
        assertTrue(MetricsText.has(sidecar.get("/metrics"), up), output);
        assertFalse(output.lines().anyMatch(l -> l.strip().startsWith("at ") && l.contains("(")), output);
        assertFalse(output.contains("OutOfMemoryError"), output);
    }

    private static SidecarProcess start(ScriptedRedis redis, Map<String, String> env) throws IOException {
        Map<String, String> all = new HashMap<>(env);
        all.put("REDIS_ADDR", redis.address());
        return SidecarProcess.start(all, SMALL_HEAP);
    }
}
