package io.github.redissidecar.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.redissidecar.checks.InvalidConfiguration;
import io.github.redissidecar.memory.ContainerMemoryLimit;
import io.github.redissidecar.settings.DesiredSettings;
import io.github.redissidecar.settings.SettingsException;
import io.github.redissidecar.settings.SettingsSources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** validate and startup never disagree: for settings startup refuses, validate reports startup's own line. */
class StartupParityTest {

    private static final long LIMIT = 768L << 20;

    @Test
    void everySettingStartupRefusesIsAnErrorWithStartupsMessage() {
        for (String settings : List.of("maxmemory 512 potatoes", "maxmemory-policy allkeys-lru2", "maxmemory 150%",
                "maxmemory 1gb", "maxmemory 10%\nmaxmemory 20%", "port 6380", "maxmemory \"512mb",
                "requirepass secret", "appendfsync sometimes")) {
            String startup = assertThrows(SettingsException.class, () -> DesiredSettings.of(SettingsSources.read(
                    Optional.empty(), Optional.of(settings)), OptionalLong.of(LIMIT))).getMessage();
            ValidateCommandTest.Run run = ValidateCommandTest.validate(Map.of("SIDECAR_SETTINGS", settings),
                    "--container-memory-limit", "768mb");
            assertEquals(2, run.exit(), settings + ": " + run.out());
            assertEquals("error: sidecar settings sidecar: " + startup, run.out().lines().findFirst().orElseThrow(),
                    settings);
        }
    }

    @Test
    void aLimitAndALimitFileTogetherIsStartupsError(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("limit"), "805306368");
        String startup = assertThrows(InvalidConfiguration.class, () -> ContainerMemoryLimit.requireOneSource(
                Optional.of("768mb"), Optional.of(file))).getMessage();
        ValidateCommandTest.Run run = ValidateCommandTest.validate(Map.of("SIDECAR_SETTINGS", "maxmemory 35%",
                "SIDECAR_CONTAINER_MEMORY_LIMIT", "768mb", "SIDECAR_CONTAINER_MEMORY_LIMIT_FILE", file.toString()));
        assertEquals(2, run.exit(), run.out());
        assertEquals("error: sidecar settings sidecar: " + startup, run.out().lines().findFirst().orElseThrow());
        Files.writeString(file, "768 potatoes");
        String unreadable = assertThrows(InvalidConfiguration.class, () -> ContainerMemoryLimit.fromFile(file))
                .getMessage();
        ValidateCommandTest.Run bad = ValidateCommandTest.validate(Map.of("SIDECAR_SETTINGS", "maxmemory 35%",
                "SIDECAR_CONTAINER_MEMORY_LIMIT_FILE", file.toString()));
        assertEquals("validate: " + unreadable, bad.err().strip());
    }

    @Test
    void settingsStartupAcceptsHaveNoErrors() {
        for (String settings : List.of("maxmemory 35%", "maxmemory 512mb\nmaxmemory-policy ALLKEYS-LRU",
                "save 900 1\nsave 300 10", "maxmemory 33.25%\nsave \"\"\nappendfsync everysec")) {
            DesiredSettings.of(SettingsSources.read(Optional.empty(), Optional.of(settings)), OptionalLong.of(LIMIT));
            ValidateCommandTest.Run run = ValidateCommandTest.validate(Map.of("SIDECAR_SETTINGS", settings),
                    "--container-memory-limit", "768mb", "--fail-on", "error");
            assertEquals(0, run.exit(), settings + ": " + run.out());
        }
    }
}
