package io.github.redissidecar.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.redissidecar.checks.Printable;
import io.github.redissidecar.testing.Fuzz;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Settings written by someone careless or hostile: refused in one line, fast, never quoting a secret. */
class HostileSettingsTest {

    private static final OptionalLong LIMIT = OptionalLong.of(1L << 30);

    @TempDir
    Path dir;

    private static String refusal(String text) {
        return assertThrows(SettingsException.class, () -> DesiredSettings.of(ConfLines.parse(text, "SIDECAR_SETTINGS"),
                LIMIT)).getMessage();
    }

    @Test
    void passwordParametersAreRefusedByNameNeverWithTheirValue() {
        for (String parameter : new String[] {"requirepass", "masterauth", "tls-key-file-pass",
            "tls-client-key-file-pass", "REQUIREPASS"}) {
            String message = refusal(parameter + " hunter2-secret");
            assertTrue(message.contains(parameter.toLowerCase() + " cannot be a sidecar setting"), message);
            assertFalse(message.contains("hunter2"), message);
        }
    }

    @Test
    void aPasswordFileMountedAsTheSettingsFileIsNeverQuoted() throws Exception {
        Path file = Files.writeString(dir.resolve("redis-password"), "Tr0ub4dor&3\n");
        for (String text : new String[] {Files.readString(file), "\"Tr0ub4dor&3", "Tr0ub4dor&3 extra"}) {
            String message = assertThrows(SettingsException.class, () -> DesiredSettings.of(SettingsSources.read(
                    Optional.of(file), Optional.of(text)), LIMIT)).getMessage();
            assertFalse(message.contains("Tr0ub4dor"), message);
        }
    }

    @Test
    void percentagesThatRoundToNothingOrTakeForeverAreRefusedAtOnce() {
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            assertTrue(refusal("maxmemory 0.000001%").contains("below 1 MiB"), refusal("maxmemory 0.000001%"));
            assertTrue(refusal("maxmemory 0.00000001%").contains("at most 6 decimals"));
            assertTrue(refusal("maxmemory 1e-100000000%").contains("is not a percentage"));
            assertTrue(refusal("maxmemory " + "1".repeat(10_000) + "%").contains("is not a percentage"));
            assertTrue(refusal("maxmemory " + "9".repeat(5_000) + "mb").contains("is not a size"));
            assertTrue(refusal("maxmemory \uff15\uff11\uff12mb").contains("is not a size"));
        });
        assertEquals("357913937", DesiredSettings.of(ConfLines.parse("maxmemory 33.333333%", "s"), LIMIT)
                .all().get(0).value());
    }

    @Test
    void aHugeLineIsRefusedByItsLengthAndAFifoOrHugeFileByTheirKind() throws Exception {
        String message = refusal("maxmemory-policy " + "x".repeat(1_000_000));
        assertTrue(message.contains("longer than 16384 characters"), message);
        assertTrue(message.length() < 300, message);
        Path huge = dir.resolve("huge.conf");
        Files.writeString(huge, ("# comment\n").repeat(100_000));
        assertTrue(assertThrows(SettingsException.class, () -> SettingsSources.readFile(huge)).getMessage()
                .contains("is larger than 256 KiB"));
    }

    @Test
    void lineBreaksInAQuotedValueDoNotReachTheMessageRaw() {
        String message = refusal("maxmemory-policy \"allkeys-lru\\r\\nERROR forged line\"");
        assertFalse(message.contains("\n") || message.contains("\r"), message);
    }

    @Test
    void anyTextIsAcceptedOrRefusedInOneBoundedLine() {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> Fuzz.run(3, 5_000, input -> {
            try {
                DesiredSettings.of(ConfLines.parse(input, "SIDECAR_SETTINGS"), LIMIT);
            } catch (SettingsException refused) {
                String message = refused.getMessage();
                assertFalse(Printable.hasControl(message), () -> Printable.of(message));
                assertTrue(message.length() < 4_000, () -> "bounded: " + message.length());
            }
        }));
    }
}
