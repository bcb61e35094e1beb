package io.github.redissidecar.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code validate} on the seeds' own setups and on broken input: findings, severities, exit codes. */
class ValidateCommandTest {

    private static final String DIR = "src/test/resources/validate/";

    record Run(int exit, String out, String err) {
        List<JsonNode> findings() throws Exception {
            List<JsonNode> list = new ArrayList<>();
            new ObjectMapper().readTree(out).get("findings").forEach(list::add);
            return list;
        }
    }

    static Run validate(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = ValidateCommand.run(List.of(args), env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Run validate(String... args) {
        return validate(Map.of(), args);
    }

    @Test
    void seed000EcsTaskWithA1024MbTaskFitsAndIsToldWhatAllkeysDoesToItsAof() {
        Run run = validate("--ecs-task", DIR + "seed000-ecs-task.json");
        assertEquals(1, run.exit(), run.out());
        assertTrue(run.out().contains("0 errors, 1 warning"), run.out());
        assertTrue(run.out().startsWith("warning: " + DIR + "seed000-ecs-task.json container redis: maxmemory-policy "
                + "allkeys-lru on a Redis that persists its data (AOF): at maxmemory it evicts any key"), run.out());
        assertEquals("", run.err());
    }

    // The seeds chose allkeys-lru for Redis that keep state and queues; validate keeps the choice and says it once.
    @Test
    void anAllkeysPolicyOnAPersistingRedisIsToldItMayEvictWhatItPersists() throws Exception {
        String limit = "1gb";
        Run aof = validate("--redis-args", "redis-server --maxmemory 256mb --maxmemory-policy allkeys-lfu "
                + "--appendonly yes --save \"\"", "--container-memory-limit", limit, "--format", "json");
        assertEquals(1, aof.findings().size(), aof.out());
        assertEquals("maxmemory-policy allkeys-lfu on a Redis that persists its data (AOF): at maxmemory it evicts "
                + "any key, so what it persists (queued tasks, sessions, state) can vanish without an error",
                aof.findings().get(0).get("message").asText());
        assertTrue(aof.findings().get(0).get("fix").asText().startsWith("for queues, sessions or state use "
                + "volatile-lru"), aof.out());
        Run rdbByDefault = validate("--redis-args", "redis-server --maxmemory 256mb --maxmemory-policy allkeys-lru",
                "--container-memory-limit", limit, "--format", "json");
        assertTrue(rdbByDefault.out().contains("persists its data (RDB)"), rdbByDefault.out());
        for (String quiet : List.of("--maxmemory-policy volatile-lru --appendonly yes",
                "--maxmemory-policy allkeys-lru --appendonly no --save \"\"")) {
            Run run = validate("--redis-args", "redis-server --maxmemory 256mb " + quiet, "--container-memory-limit",
                    limit);
            assertEquals(0, run.exit(), quiet + ": " + run.out());
        }
    }

    @Test
    void seed000ComposeWithoutContainerLimitsWarnsForEachRedis() throws Exception {
        Run run = validate("--compose", DIR + "seed000-compose.yaml", "--format", "json");
        assertEquals(1, run.exit(), run.out());
        List<JsonNode> findings = run.findings();
        assertEquals(3, findings.size(), run.out());
        assertEquals(1, findings.stream().filter(n -> n.get("message").asText().startsWith("maxmemory-policy "
                + "allkeys-lru on a Redis that persists its data (AOF)")
                && n.get("source").asText().endsWith("service redis-state")).count(), "the state store: " + run.out());
        for (String service : List.of("redis-cache", "redis-state")) {
            JsonNode f = findings.stream().filter(n -> n.get("source").asText().endsWith("service " + service)
                    && n.get("message").asText().startsWith("no container memory limit")).findFirst().orElseThrow(() -> new AssertionError(service + " in " + run.out()));
            assertEquals("warning", f.get("severity").asText());
            assertTrue(f.get("message").asText().startsWith("no container memory limit (maxmemory 256 MiB)"),
                    f.toString());
            assertTrue(f.get("fix").asText().contains("mem_limit"), f.toString());
        }
    }

    @Test
    void seed001ComposeWarnsAboutForkHeadroomWithTheNumbersAndTheSource() throws Exception {
        Run run = validate("--compose", DIR + "seed001-compose.yaml", "--format", "json");
        assertEquals(1, run.exit(), run.out());
        List<JsonNode> findings = run.findings();
        assertEquals(2, findings.size(), run.out());
        assertHeadroomWarning(findings.get(0), "RDB and AOF");
        assertTrue(findings.get(1).get("message").asText().contains("persists its data (RDB and AOF)"), run.out());
        assertEquals(DIR + "seed001-compose.yaml service redis", findings.get(0).get("source").asText());
    }

    @Test
    void seed001RedisConfAndCommandLineGiveTheSameHeadroomWarning() throws Exception {
        Run conf = validate("--redis-conf", DIR + "seed001-redis.conf", "--container-memory-limit", "768mb",
                "--format", "json");
        Run args = validate("--redis-args", "redis-server --maxmemory 512mb --maxmemory-policy allkeys-lru "
                + "--appendonly yes --save \"900 1 300 10 60 10000\"", "--container-memory-limit", "768Mi",
                "--format", "json");
        for (Run run : List.of(conf, args)) {
            assertEquals(1, run.exit(), run.out());
            assertEquals(2, run.findings().size(), run.out());
            assertHeadroomWarning(run.findings().get(0), "RDB and AOF");
        }
    }

    @Test
    void aReplicasBacklogCountsInTheHeadroom() throws Exception {
        String replica = "redis-server --replicaof redis-master 6379 --maxmemory 480mb --maxmemory-policy volatile-lru "
                + "--appendonly yes --save \"\"";
        Run fits = validate("--redis-args", replica, "--container-memory-limit", "1Gi", "--format", "json");
        assertEquals(0, fits.exit(), "480 MiB x 2.1 + the default 1 MiB backlog fit in 1 GiB: " + fits.out());
        Run over = validate("--redis-args", replica + " --repl-backlog-size 64mb", "--container-memory-limit", "1Gi",
                "--format", "json");
        assertEquals(1, over.exit(), over.out());
        String message = over.findings().get(0).get("message").asText();
        assertTrue(message.contains("needs 480 MiB x 2.1 + the replication backlog of 64 MiB = 1072 MiB, 48 MiB over "
                + "the limit"), message);
        assertTrue(over.findings().get(0).get("fix").asText().startsWith("lower maxmemory to at most 457.1 MiB"),
                over.out());
    }

    private static void assertHeadroomWarning(JsonNode finding, String persistence) {
        String message = finding.get("message").asText();
        assertEquals("warning", finding.get("severity").asText());
        assertTrue(message.startsWith("maxmemory 512 MiB with " + persistence + " persistence in a container "
                + "limited to 768 MiB (66.7%)"), message);
        assertTrue(message.contains("needs 512 MiB x 2.1 = 1075.2 MiB, 307.2 MiB over the limit"), message);
        assertTrue(message.contains("up to 2 times the memory normally used"), message);
        assertTrue(message.contains("https://redis.io/docs/latest/operate/oss_and_stack/management/admin/"), message);
        assertTrue(message.contains("https://redis.io/docs/latest/operate/oss_and_stack/management/persistence/"),
                message);
        assertTrue(finding.get("fix").asText().startsWith("lower maxmemory to at most 365.7 MiB (383479222 bytes"),
                finding.get("fix").asText());
    }

    @Test
    void seed000CommandLineWithoutALimitWarnsAndFailOnErrorLetsItPass() {
        String command = "redis-server --maxmemory 256mb --maxmemory-policy allkeys-lru --appendonly yes "
                + "--appendfsync everysec --save \"\"";
        Run run = validate("--redis-args", command);
        assertEquals(1, run.exit(), run.out());
        assertTrue(run.out().startsWith("warning: --redis-args: no container memory limit (maxmemory 256 MiB)"),
                run.out());
        assertTrue(run.out().contains("  fix: pass the container's limit with --container-memory-limit"), run.out());
        assertEquals(0, validate("--redis-args", command, "--fail-on", "error").exit());
        Run withLimit = validate("--redis-args", command, "--container-memory-limit", "1gb");
        assertFalse(withLimit.out().contains("no container memory limit"), withLimit.out());
    }

    @Test
    void mistakesAreFoundPerServiceWithTheirSeverity() throws Exception {
        Run run = validate("--compose", DIR + "compose-mistakes.yaml", "--format", "json");
        assertEquals(2, run.exit(), run.out());
        Map<String, String> expected = Map.of(
                "unbounded", "warning:no maxmemory in a container limited to 512 MiB",
                "above-limit", "error:maxmemory 1073741824 bytes is above the container memory limit of 536870912",
                "policy-typo", "error:Invalid setting in " + DIR + "compose-mistakes.yaml service policy-typo "
                        + "command \"--maxmemory-policy allkeys-lru2\": \"allkeys-lru2\" is not a valid",
                "aof-at-runtime", "warning:appendonly yes is declared only in the sidecar's settings, not on Redis's",
                "rdb-unguarded", "warning:stop-writes-on-bgsave-error no with RDB as the only persistence",
                "percent-without-limit", "error:Invalid setting in SIDECAR_SETTINGS line 1 \"maxmemory 35%\": "
                        + "maxmemory as a percentage needs the container memory limit");
        List<JsonNode> findings = run.findings();
        for (Map.Entry<String, String> e : expected.entrySet()) {
            String service = "service " + e.getKey();
            List<JsonNode> mine = findings.stream().filter(f -> f.get("source").asText().contains(service + " ")
                    || f.get("source").asText().endsWith(service)).toList();
            assertEquals(1, mine.size(), service + ": " + mine);
            String[] severityAndMessage = e.getValue().split(":", 2);
            assertEquals(severityAndMessage[0], mine.get(0).get("severity").asText(), mine.toString());
            assertTrue(mine.get(0).get("message").asText().startsWith(severityAndMessage[1]), mine.toString());
            assertFalse(mine.get(0).get("fix").asText().isBlank(), mine.toString());
        }
        assertEquals(expected.size(), findings.size(), run.out());
    }

    @Test
    void sidecarSettingsGetTheStartupChecksAndMessages() {
        Run malformed = validate(Map.of("SIDECAR_SETTINGS", "maxmemory 512 potatoes"));
        assertEquals(2, malformed.exit(), malformed.out());
        assertTrue(malformed.out().startsWith("error: sidecar settings sidecar: Invalid setting in SIDECAR_SETTINGS "
                + "line 1 \"maxmemory 512 potatoes\": \"512 potatoes\" is not a size"), malformed.out());
        Run above = validate(Map.of("SIDECAR_SETTINGS", "maxmemory 1gb"), "--container-memory-limit", "768mb");
        assertEquals(2, above.exit());
        assertTrue(above.out().contains("is above the container memory limit of 805306368 bytes"), above.out());
        Run percent = validate(Map.of("SIDECAR_SETTINGS", "maxmemory 35%\nsave \"\""), "--container-memory-limit",
                "768mb");
        assertEquals(0, percent.exit(), percent.out());
    }

    @Test
    void aLimitFileIsReadAsStartupReadsItAndNeverTogetherWithALimit(@TempDir Path dir) throws Exception {
        Path limit = Files.writeString(dir.resolve("redis-memory-limit"), "805306368\n");
        Run percent = validate(Map.of("SIDECAR_SETTINGS", "maxmemory 35%\nsave \"\"",
                "SIDECAR_CONTAINER_MEMORY_LIMIT_FILE", limit.toString()));
        assertEquals(0, percent.exit(), percent.out());
        Run above = validate(Map.of("SIDECAR_SETTINGS", "maxmemory 1gb"), "--container-memory-limit-file",
                limit.toString());
        assertEquals(2, above.exit(), above.out());
        assertTrue(above.out().contains("is above the container memory limit of 805306368 bytes"), above.out());
        Run both = validate(Map.of("SIDECAR_SETTINGS", "maxmemory 35%", "SIDECAR_CONTAINER_MEMORY_LIMIT", "768mb"),
                "--container-memory-limit-file", limit.toString());
        assertEquals(2, both.exit(), both.out());
        assertTrue(both.out().startsWith("error: sidecar settings sidecar: SIDECAR_CONTAINER_MEMORY_LIMIT "
                + "(sidecar.container-memory-limit) is '768mb' and SIDECAR_CONTAINER_MEMORY_LIMIT_FILE "
                + "(sidecar.container-memory-limit-file) is " + limit + "; set only one of the two"), both.out());
        assertOneLine(validate(Map.of("SIDECAR_SETTINGS", "maxmemory 35%"), "--container-memory-limit-file",
                dir.resolve("missing").toString()), "cannot be read (NoSuchFileException)");
        Files.writeString(limit, "lots");
        assertOneLine(validate(Map.of("SIDECAR_SETTINGS", "maxmemory 35%"), "--container-memory-limit-file",
                limit.toString()), "does not hold a memory size (4 characters, not shown)");
    }

    @Test
    void redisTakesNoPercentageOnItsCommandLine() {
        Run run = validate("--redis-args", "redis-server --maxmemory 35%", "--container-memory-limit", "1gb");
        assertEquals(2, run.exit());
        assertTrue(run.out().contains("redis-server does not take a percentage"), run.out());
    }

    @Test
    void malformedInputIsOneLineOnStderrAndExit2() {
        Map<String, String> cases = Map.of(
                DIR + "not-yaml.yaml", "is not readable YAML",
                DIR + "compose-without-redis.yaml", "has no Redis service",
                DIR + "compose-unknown-units.yaml", "mem_limit is \"768 potatoes\", which is not a memory size",
                DIR + "missing.yaml", "cannot be read (NoSuchFileException)");
        cases.forEach((file, message) -> assertOneLine(validate("--compose", file), message));
        assertOneLine(validate("--ecs-task", DIR + "not-json.json"), "is not readable JSON");
        assertOneLine(validate("--ecs-task", DIR + "seed000-compose.yaml"), "is not readable JSON");
        assertOneLine(validate("--redis-args", "redis-server", "--container-memory-limit", "768 potatoes"),
                "--container-memory-limit is \"768 potatoes\", which is not a memory size");
        assertOneLine(validate("--settings-file", DIR + "missing.conf"), "cannot be read");
        assertOneLine(validate("--fail-on", "sometimes", "--compose", DIR + "seed000-compose.yaml"), "--fail-on");
        assertOneLine(validate("--bogus", "x"), "unknown argument '--bogus'");
        assertOneLine(validate(), "nothing to validate");
    }

    private static void assertOneLine(Run run, String expected) {
        assertEquals(2, run.exit(), run.err() + run.out());
        assertEquals("", run.out());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("validate: ") && run.err().contains(expected), run.err());
        assertFalse(run.err().contains("Exception:") || run.err().contains("\tat "), run.err());
    }

    @Test
    void theRepositorysOwnDeployFilesHaveNoErrors() {
        Run run = validate("--compose", "compose.yaml", "--ecs-task", "docker/ecs-task-definition.json",
                "--fail-on", "error");
        assertEquals(0, run.exit(), run.out());
        assertTrue(run.out().contains("0 errors"), run.out());
    }
}
