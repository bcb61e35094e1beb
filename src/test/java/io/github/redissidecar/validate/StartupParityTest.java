package io.github.redissidecar.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.redissidecar.settings.DesiredSettings;
import io.github.redissidecar.settings.SettingsException;
import io.github.redissidecar.settings.SettingsSources;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

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
