package io.github.redissidecar.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.redissidecar.settings.ConfLine;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** How deploy files are read: commands, wrappers, units, the sidecar next to Redis. */
class InputsTest {

    private static final String DIR = "src/test/resources/validate/";

    @Test
    void redisDirectivesComeOutOfShellWrappersAndFoldedCommands() {
        List<ConfLine> lines = RedisCommandLine.parse(List.of("sh", "-c", "exec gosu redis redis-server \\\n"
                + "  --maxmemory 340mb --save \"\" --appendonly yes && echo done"), "x").orElseThrow();
        assertEquals(List.of("maxmemory", "save", "appendonly"), lines.stream().map(ConfLine::parameter).toList());
        assertEquals("", lines.get(1).joinedArgs());
        assertEquals(List.of("save"), RedisCommandLine.parse("redis-server /etc/redis.conf --save", "x")
                .orElseThrow().stream().map(ConfLine::parameter).toList(), "a bare --save is save \"\"");
        assertEquals("", RedisCommandLine.parse("redis-server --save", "x").orElseThrow().get(0).joinedArgs());
        assertTrue(RedisCommandLine.parse("celery -A app worker", "x").isEmpty());
    }

    @Test
    void dockerUnitsAreBinary() {
        assertEquals(OptionalLong.of(768L << 20), DockerMemory.bytes("768m", "x"));
        assertEquals(OptionalLong.of(768L << 20), DockerMemory.bytes("768MB", "x"));
        assertEquals(OptionalLong.of(3L << 29), DockerMemory.bytes("1.5g", "x"));
        assertEquals(OptionalLong.of(805306368L), DockerMemory.bytes(805306368, "x"));
        assertThrows(UnusableInput.class, () -> DockerMemory.bytes("768 potatoes", "x"));
        assertThrows(UnusableInput.class, () -> DockerMemory.bytes("-1g", "x"));
    }

    @Test
    void anEcsSidecarOnAutoReadsTheTasksLimit() {
        ValidateCommandTest.Run run = ValidateCommandTest.validate("--ecs-task", DIR
                + "seed000-ecs-task-with-sidecar.json");
        // No finding about the limit; the one warning is the seed's allkeys-lru on its AOF.
        assertTrue(run.out().contains(": 0 errors, 1 warning") && run.out().contains("maxmemory-policy allkeys-lru on "
                + "a Redis that persists its data (AOF)"), run.out());
        RedisSetup setup = EcsTaskDefinition.setups(readFixture("seed000-ecs-task-with-sidecar.json"), "t.json")
                .get(0);
        assertEquals(OptionalLong.of(1L << 30), setup.containerLimit());
        assertEquals(OptionalLong.of(1L << 30), setup.sidecar().orElseThrow().autoLimit());
    }

    @Test
    void seed000SidecarSettingsFileChecksAgainstTheLimitGiven() {
        ValidateCommandTest.Run clean = ValidateCommandTest.validate("--settings-file", DIR + "seed000-sidecar.conf",
                "--container-memory-limit", "1024mb");
        assertEquals(0, clean.exit(), clean.out());
        ValidateCommandTest.Run noLimit = ValidateCommandTest.validate("--settings-file", DIR
                + "seed000-sidecar.conf");
        assertEquals(2, noLimit.exit(), noLimit.out());
        assertTrue(noLimit.out().contains("SIDECAR_SETTINGS_FILE " + DIR + "seed000-sidecar.conf line 2 "
                + "\"maxmemory 33.25%\": maxmemory as a percentage needs the container memory limit"), noLimit.out());
    }

    private static String readFixture(String name) {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of(DIR + name));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
