package io.github.redissidecar.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 29, part 5: whatever the file, validate answers within 10 s with exit 2 and one line naming the key or
 * file, the value (shortened, escaped) and the fix; never a stack trace, never out of memory, never a hang.
 */
class HostileInputTest {

    @TempDir
    Path dir;

    /** A "billion laughs" under SnakeYAML's default 50-alias limit: 48 aliases, 6^8 "lol"s once expanded. */
    static String billionLaughs() {
        StringBuilder yaml = new StringBuilder("x0: &a0 [lol,lol,lol,lol,lol,lol]\n");
        for (int level = 1; level <= 8; level++) {
            String previous = "*a" + (level - 1);
            yaml.append("x").append(level).append(": &a").append(level).append(" [").append(String.join(",",
                    java.util.Collections.nCopies(6, previous))).append("]\n");
        }
        return yaml.append("services:\n  redis:\n    image: redis\n    command: [redis-server, \"--save\", *a7]\n")
                .toString();
    }

    @Test
    void aBillionLaughsIsRefusedBeforeItExpands() throws IOException {
        assertUnusable(write("laughs.yaml", billionLaughs()), "--compose", "at most 10 aliases");
    }

    @Test
    void fewAliasesOfALongScalarCannotExpandPastTheBudget() throws IOException {
        String yaml = "x: &s \"" + "a".repeat(200_000) + "\"\nservices:\n  redis:\n    image: redis\n"
                + "    command: [redis-server, *s, *s, *s, *s, *s, *s, *s, *s]\n";
        assertUnusable(write("wide.yaml", yaml), "--compose", "once its aliases (*name) are expanded");
    }

    @Test
    void anAliasInsideItsOwnAnchorIsRefused() throws IOException {
        assertUnusable(write("loop.yaml", "x: &a [*a]\nservices:\n  redis:\n    image: redis\n"), "--compose",
                "deeper than");
    }

    @Test
    void devicesAreRefusedUnread() {
        assumeTrue(Files.exists(Path.of("/dev/zero")));
        assertUnusable("/dev/zero", "--compose", "/dev/zero is a FIFO, socket or device, not a regular file");
        assertUnusable("/dev/zero", "--ecs-task", "not a regular file");
        assertUnusable("/dev/zero", "--redis-conf", "not a regular file");
        assertUnusable("/dev/zero", "--settings-file", "not a regular file");
        assertUnusable(run("--redis-args", "redis-server --maxmemory 1mb", "--container-memory-limit-file",
                "/dev/zero"), "not a regular file");
    }

    @Test
    void aFifoIsRefusedWithoutBlockingOnIt() throws Exception {
        Path fifo = dir.resolve("pipe.yaml");
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        } catch (IOException e) {
            assumeTrue(false, "no mkfifo here");
            return;
        }
        assertTrue(mkfifo.waitFor(10, TimeUnit.SECONDS));
        assumeTrue(mkfifo.exitValue() == 0, "mkfifo failed");
        assertUnusable(fifo.toString(), "--compose", "is a FIFO, socket or device, not a regular file");
    }

    @Test
    void directoriesAndLargeFilesAreRefused() throws IOException {
        assertUnusable(dir.toString(), "--compose", "is a directory, not a regular file");
        Path big = write("big.yaml", "#".repeat(Limits.FILE_BYTES + 1));
        assertUnusable(big.toString(), "--compose", "bytes, over the 1 MiB validate reads of an input file");
        Path binary = dir.resolve("binary.yaml");
        Files.write(binary, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});
        assertUnusable(binary.toString(), "--compose", "is not UTF-8 text");
    }

    @Test
    void hugeMemoryNumbersAreBoundedBeforeArithmetic() throws IOException {
        assertUnusable(compose("mem_limit: \"1e100000000m\""), "--compose",
                "mem_limit is \"1e100000000m\", which is not a memory size in Docker's units; write e.g. 768m");
        assertUnusable(compose("mem_limit: 99999999999999999999g"), "--compose", "over the 1 PiB");
        assertUnusable(compose("mem_limit: 99999999999999999999"), "--compose", "over the 1 PiB");
        assertUnusable(compose("mem_limit: \"" + "9".repeat(100_000) + "m\""), "--compose", "(100001 characters)");
        assertUnusable(compose("mem_limit: .inf"), "--compose", "not a memory size");
        // A million-digit plain integer: refused by its length, never parsed digit by digit into arithmetic.
        assertUnusable(compose("mem_limit: " + "9".repeat(Limits.FILE_BYTES - 100)), "--compose",
                "(1048476 characters), which is not a memory size");
        for (String memory : new String[] {"\"99999999999999999999\"", "\"9223372036854775807\"",
            "9223372036854775807", "1073741825"}) {
            assertUnusable(ecs("\"memory\": " + memory + ", \"command\": [\"redis-server\"]"), "--ecs-task",
                    "over the 1 PiB validate accepts");
        }
        assertUnusable(ecs("\"memory\": 1" + "0".repeat(40) + ", \"command\": [\"redis-server\"]"), "--ecs-task",
                "is not readable JSON: Number value length");
    }

    @Test
    void wrongTypesNameTheKeyAndTheTypeExpected() throws IOException {
        assertUnusable(ecs("\"command\": \"redis-server --maxmemory 1gb\""), "--ecs-task",
                "container redis command is the string \"redis-server --maxmemory 1gb\"; expected a list of strings");
        assertUnusable(ecs("\"command\": [\"redis-server\", 5]"), "--ecs-task", "expected a list of strings");
        assertUnusable(ecs("\"command\": [\"redis-server\"], \"memory\": true"), "--ecs-task",
                "memory is the boolean true; expected a whole number of MiB");
        assertUnusable(ecs("\"command\": [\"redis-server\"], \"environment\": {\"A\": \"b\"}"), "--ecs-task",
                "task.json container redis environment is an object; expected a list of {\"name\"");
        assertUnusable(compose("command: {redis-server: 1}"), "--compose",
                "service redis command is a mapping; expected a string or a list of strings");
        assertUnusable(compose("mem_limit: [768m]"), "--compose", "service redis mem_limit is a list; expected a "
                + "memory size");
        assertUnusable(compose("deploy: {resources: {limits: [1]}}"), "--compose",
                "service redis deploy.resources.limits is a list; expected a mapping");
        assertUnusable(compose("environment: REDIS=1"), "--compose",
                "service redis environment is \"REDIS=1\"; expected a mapping (NAME: value) or a list");
        assertUnusable(compose("image: [redis]"), "--compose", "service redis image is a list; expected a string");
    }

    @Test
    void controlCharactersInValuesCannotForgeLines() throws IOException {
        String line = assertUnusable(compose("mem_limit: \"768m\\n\\u001b[31merror: forged\\u2028x\""), "--compose",
                "mem_limit is \"768m\\nerror".replace("error", "\\x1b[31merror"));
        assertTrue(line.contains("\\u2028"), line);
    }

    private Path compose(String redisKey) throws IOException {
        return write("compose.yaml", "services:\n  redis:\n    image: redis:7\n    " + redisKey + "\n");
    }

    private Path ecs(String container) throws IOException {
        return write("task.json", "{\"containerDefinitions\": [{\"name\": \"redis\", \"image\": \"redis:7\", "
                + container + "}]}");
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private static String assertUnusable(Path file, String option, String expected) {
        return assertUnusable(file.toString(), option, expected);
    }

    /** Exit 2 within 10 s, nothing on stdout, exactly one line on stderr holding {@code expected}; returns it. */
    static String assertUnusable(String file, String option, String expected) {
        return assertUnusable(run(option, file), expected);
    }

    private static ValidateCommandTest.Run run(String... args) {
        return assertTimeoutPreemptively(Duration.ofSeconds(10), () -> ValidateCommandTest.validate(args));
    }

    static String assertUnusable(ValidateCommandTest.Run run, String expected) {
        assertEquals(2, run.exit(), run.out() + run.err());
        assertEquals("", run.out());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().endsWith("\n") && run.err().indexOf('\n') == run.err().length() - 1, run.err());
        assertFalse(run.err().contains("\tat ") || run.err().contains("Exception") || run.err().contains("bug in"),
                run.err());
        assertTrue(run.err().contains(expected), "expected <" + expected + "> in " + run.err());
        return run.err();
    }
}
