package io.github.redissidecar.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.redissidecar.testing.KeyGroupDataset;
import io.github.redissidecar.testing.RedisServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code scan} as an operator runs it, the packaged jar against a Redis address: on issue 28's data (130 k keys in
 * two databases and 50 k keys under as many prefixes) every group's bytes and keys are exactly what a full SCAN
 * with MEMORY USAGE SAMPLES 0 counts; a wrong option or an unreachable Redis is one line and a non-zero exit.
 */
class ScanCommandIT {

    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    record Result(int exit, String out, String err) {
    }

    private static Result scan(String... args) throws Exception {
        Path out = Files.createTempFile("scan", ".out");
        Path err = Files.createTempFile("scan", ".err");
        try {
            List<String> command = new ArrayList<>(List.of(JAVA.toString(), "-jar",
                    "target/quarkus-app/quarkus-run.jar", "scan"));
            command.addAll(List.of(args));
            ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            pb.environment().keySet().removeIf(k -> k.startsWith("SIDECAR_") || k.startsWith("REDIS_"));
            Process process = pb.start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError("scan did not end within 120 s");
            }
            return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    @Test
    void theScanMatchesAFullScanExactly() throws Exception {
        try (RedisServer redis = new RedisServer().start()) {
            KeyGroupDataset data = new KeyGroupDataset(redis);
            data.fill();
            data.fillNoise(50_000);
            Map<String, Double> truth = data.trueBytes();
            long start = System.nanoTime();
            Result result = scan("--redis", "redis://127.0.0.1:" + redis.port(), "--format", "json", "--percent", "25");
            double seconds = (System.nanoTime() - start) / 1e9;
            assertEquals(0, result.exit(), result.err());
            JsonNode report = new ObjectMapper().readTree(result.out());
            assertEquals("done", report.get("state").asText());
            long all = report.get("keysAtStart").asLong();
            assertTrue(all > 179_900, "130,000 keys and 50,000 noise keys (a few names drawn twice): " + all);
            assertEquals(all, report.get("keysScanned").asLong(), "every key once");
            Map<String, Double> scanned = new TreeMap<>();
            Map<String, Long> keys = new TreeMap<>();
            for (JsonNode g : report.get("groups")) {
                String group = KeyGroupDataset.KNOWN.contains(g.get("group").asText()) ? g.get("group").asText() : "other";
                scanned.merge(group, g.get("bytes").asDouble(), Double::sum);
                keys.merge(group, g.get("keys").asLong(), Long::sum);
                assertTrue(g.get("biggest").size() <= 3);
            }
            assertEquals(truth, scanned, "bytes per group, exactly");
            assertEquals(Map.of("celery-task-meta-*", 50_000L, "vimbiso:1:*", 54_000L, "session:*", 26_000L,
                    "other", all - 130_000), keys);
            System.out.printf("exact scan of %,d keys at --percent 25: %.1f s%n", all, seconds);
        }
    }

    @Test
    void aWrongOptionOrAnUnreachableRedisIsOneLine() throws Exception {
        Result wrong = scan("--format", "xml");
        assertEquals(2, wrong.exit());
        assertTrue(wrong.err().strip().startsWith("scan: --format is xml, not one of text, json;"), wrong.err());
        Result down = scan("--redis", "redis://127.0.0.1:" + RedisServer.freePort());
        assertEquals(1, down.exit());
        String line = down.err().lines().filter(l -> l.startsWith("scan: ")).findFirst().orElse(down.err());
        assertTrue(line.startsWith("scan: Redis connect: "), down.err());
        assertFalse(down.err().contains("\tat "), "no stack trace: " + down.err());
    }
}
