package io.github.redissidecar.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code validate} as users run it: the packaged jar in its own process, no Redis anywhere. Exit codes, one line
 * on stderr for unusable input, and the examples of docs/validate.md run exactly as written.
 */
class ValidateJarIT {

    private static final String JAR = "target/quarkus-app/quarkus-run.jar";
    private static final String DIR = "src/test/resources/validate/";
    private static final Path JAVA_BIN = Path.of(System.getProperty("java.home"), "bin");

    record Result(int exit, String out, String err) {
    }

    private static Result run(List<String> command) throws Exception {
        return run(command, 60);
    }

    private static Result run(List<String> command, int seconds) throws Exception {
        Path out = Files.createTempFile("validate", ".out");
        Path err = Files.createTempFile("validate", ".err");
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            pb.environment().put("PATH", JAVA_BIN + ":" + System.getenv("PATH"));
            pb.environment().keySet().removeIf(k -> k.startsWith("SIDECAR_"));
            Process process = pb.start();
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError(command + " did not exit within " + seconds + " s");
            }
            return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static Result validate(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(JAVA_BIN.resolve("java").toString(), "-jar", JAR,
                "validate"));
        command.addAll(List.of(args));
        return run(command);
    }

    @Test
    void exitCodesAreZeroOneTwo() throws Exception {
        Result clean = validate("--redis-args", "redis-server --maxmemory 256mb --maxmemory-policy allkeys-lru "
                + "--save \"\" --appendonly no", "--container-memory-limit", "1gb");
        assertEquals(0, clean.exit(), clean.out() + clean.err());
        assertTrue(clean.out().endsWith("0 errors, 0 warnings\n"), clean.out());
        assertFalse(clean.out().contains("Listening") || clean.out().contains("Installed features"), clean.out());

        Result warned = validate("--compose", DIR + "seed001-compose.yaml", "--format", "json");
        assertEquals(1, warned.exit(), warned.out() + warned.err());
        JsonNode json = new ObjectMapper().readTree(warned.out());
        assertEquals(1, json.get("exitCode").asInt());
        assertEquals("warning", json.get("findings").get(0).get("severity").asText());
        assertTrue(json.get("findings").get(0).get("message").asText().contains("1075.2 MiB"), warned.out());
        assertEquals(0, validate("--compose", DIR + "seed001-compose.yaml", "--fail-on", "error").exit());

        Result errors = validate("--compose", DIR + "compose-mistakes.yaml");
        assertEquals(2, errors.exit(), errors.out() + errors.err());
        assertTrue(errors.out().contains("error: "), errors.out());
    }

    @Test
    void unusableInputIsOneLineOnStderrWithoutAStackTrace() throws Exception {
        for (String file : List.of("not-yaml.yaml", "compose-without-redis.yaml", "compose-unknown-units.yaml",
                "missing.yaml")) {
            Result result = validate("--compose", DIR + file);
            assertEquals(2, result.exit(), file + ": " + result.err());
            assertEquals("", result.out(), file);
            assertEquals(1, result.err().lines().count(), file + ": " + result.err());
            assertTrue(result.err().startsWith("validate: " + DIR + file), result.err());
            assertFalse(result.err().contains("Exception:") || result.err().contains("\tat "), result.err());
        }
        Result json = validate("--ecs-task", DIR + "not-json.json");
        assertEquals(2, json.exit());
        assertEquals(1, json.err().lines().count(), json.err());
    }

    // Issue 29: in a 16 MiB heap, a "billion laughs" (48 aliases, under SnakeYAML's default 50) and /dev/zero were
    // out of memory with a stack trace; now each is one line and exit 2 within 10 s.
    @Test
    void hostileInputInASmallHeapIsOneLineAndExit2(@TempDir Path dir) throws Exception {
        StringBuilder laughs = new StringBuilder("x0: &a0 [lol,lol,lol,lol,lol,lol]\n");
        for (int level = 1; level <= 8; level++) {
            laughs.append("x").append(level).append(": &a").append(level).append(" [")
                    .append(String.join(",", java.util.Collections.nCopies(6, "*a" + (level - 1)))).append("]\n");
        }
        laughs.append("services:\n  redis:\n    image: redis\n    command: [redis-server, \"--save\", *a7]\n");
        Path file = Files.writeString(dir.resolve("laughs.yaml"), laughs);
        for (List<String> input : List.of(List.of("--compose", file.toString()), List.of("--compose", "/dev/zero"),
                List.of("--ecs-task", "/dev/zero"))) {
            List<String> command = new ArrayList<>(List.of(JAVA_BIN.resolve("java").toString(), "-Xmx16m", "-jar",
                    JAR, "validate"));
            command.addAll(input);
            Result result = run(command, 10);
            assertEquals(2, result.exit(), input + ": " + result.out() + result.err());
            assertEquals("", result.out(), input.toString());
            assertEquals(1, result.err().lines().count(), input + ": " + result.err());
            assertFalse(result.err().contains("Exception") || result.err().contains("\tat ")
                    || result.err().contains("bug in validate"), result.err());
        }
    }

    @Test
    void theReadmeExamplesRunAsWritten() throws Exception {
        String section = readmeSection();
        String plain = codeBlocks(section, "sh").get(0).strip();
        Result first = run(List.of("sh", "-c", plain));
        assertEquals(1, first.exit(), plain + "\n" + first.out() + first.err());
        String shown = codeBlocks(section, "").get(0).lines().findFirst().orElseThrow().replace(", …", "");
        assertTrue(first.out().contains(shown), "docs/validate.md's sample line is what it prints:\n" + shown + "\n"
                + first.out());

        String step = codeBlocks(section, "yaml").get(0);
        Matcher runLine = Pattern.compile("(?m)^\\s*run: (.+)$").matcher(step);
        assertTrue(runLine.find(), step);
        Result ci = run(List.of("sh", "-c", runLine.group(1)));
        assertEquals(0, ci.exit(), runLine.group(1) + "\n" + ci.out() + ci.err());

        Path hook = Files.createTempFile("pre-commit", "");
        try {
            Files.writeString(hook, codeBlocks(section, "sh").get(1));
            Result commit = run(List.of("sh", hook.toString()));
            assertEquals(0, commit.exit(), commit.out() + commit.err());
            assertTrue(commit.out().contains("0 errors"), commit.out());
        } finally {
            Files.deleteIfExists(hook);
        }
        assertTrue(Files.readString(Path.of(".github/workflows/ci.yml")).contains(runLine.group(1)),
                "the hosted-CI step is this repository's own");
    }

    private static String readmeSection() throws IOException {
        return Files.readString(Path.of("docs/validate.md"));
    }

    private static List<String> codeBlocks(String text, String language) {
        Matcher m = Pattern.compile("(?ms)^```" + Pattern.quote(language) + "\\n(.*?)^```").matcher(text);
        List<String> blocks = new ArrayList<>();
        while (m.find()) {
            blocks.add(m.group(1));
        }
        return blocks;
    }
}
