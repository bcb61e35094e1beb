package io.github.redissidecar.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.redissidecar.checks.InvalidConfiguration;
import io.github.redissidecar.settings.SettingsReload.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsReloadTest {

    private static final OptionalLong GIB = OptionalLong.of(1L << 30);

    @TempDir
    Path dir;

    private final AtomicReference<Object> limit = new AtomicReference<>(GIB);

    private SettingsReload start(String fileText) throws IOException {
        Files.writeString(dir.resolve("settings.conf"), fileText);
        return SettingsReload.read(Optional.of(dir.resolve("settings.conf")), Optional.of("maxmemory-policy "
                + "allkeys-lru"), () -> {
                    if (limit.get() instanceof String problem) {
                        throw new InvalidConfiguration(problem);
                    }
                    return (OptionalLong) limit.get();
                });
    }

    private void write(String text) throws IOException {
        Path next = dir.resolve("settings.conf.new");
        Files.writeString(next, text);
        Files.move(next, dir.resolve("settings.conf"), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    @Test
    void nothingNewUntilTheContentChanges() throws IOException {
        SettingsReload reload = start("maxmemory 512mb\n");
        assertEquals(Kind.NOTHING_NEW, reload.look().kind());
        write("maxmemory 512mb\n");
        assertEquals(Kind.NOTHING_NEW, reload.look().kind(), "rewritten with the same content");
        write("maxmemory 256mb\n");
        SettingsReload.Outcome outcome = reload.look();
        assertEquals(Kind.APPLIED, outcome.kind());
        assertEquals("268435456", outcome.desired().value("maxmemory").orElseThrow());
        assertEquals("allkeys-lru", outcome.desired().value("maxmemory-policy").orElseThrow(),
                "SIDECAR_SETTINGS still counts");
        assertEquals(Kind.NOTHING_NEW, reload.look().kind());
    }

    @Test
    void anInvalidEditIsRefusedOnceAndTheLastGoodSettingsStay() throws IOException {
        SettingsReload reload = start("maxmemory 512mb\n");
        write("maxmemory lots\n");
        SettingsReload.Outcome refused = reload.look();
        assertEquals(Kind.REFUSED, refused.kind());
        assertTrue(refused.refusal().orElseThrow().contains("SIDECAR_SETTINGS_FILE " + dir.resolve("settings.conf")
                + " line 1 \"maxmemory lots\""), refused.refusal().get());
        assertEquals("536870912", refused.desired().value("maxmemory").orElseThrow());
        SettingsReload.Outcome again = reload.look();
        assertEquals(Kind.NOTHING_NEW, again.kind(), "said once, not at every look");
        assertEquals(refused.refusal(), again.refusal(), "still refused");
        write("maxmemory 512mb\n");
        SettingsReload.Outcome back = reload.look();
        assertEquals(Kind.APPLIED, back.kind());
        assertTrue(back.change().isEmpty() && back.refusal().isEmpty(), "valid again, nothing to apply");
    }

    @Test
    void aMissingFileIsRefusedAndADuplicateToo() throws IOException {
        SettingsReload reload = start("maxmemory 512mb\n");
        Files.delete(dir.resolve("settings.conf"));
        assertEquals(Kind.REFUSED, reload.look().kind());
        write("maxmemory-policy volatile-lru\n");
        SettingsReload.Outcome duplicate = reload.look();
        assertEquals(Kind.REFUSED, duplicate.kind(), "the policy is in SIDECAR_SETTINGS too");
        assertTrue(duplicate.refusal().orElseThrow().contains("already set by SIDECAR_SETTINGS"),
                duplicate.refusal().get());
    }

    @Test
    void aChangedLimitRecomputesAPercentageAndABadLimitIsRefused() throws IOException {
        SettingsReload reload = start("maxmemory 50%\n");
        limit.set(OptionalLong.of(1L << 29));
        SettingsReload.Outcome lower = reload.look();
        assertEquals(Kind.APPLIED, lower.kind());
        assertEquals("268435456", lower.desired().value("maxmemory").orElseThrow());
        assertEquals(OptionalLong.of(1L << 29), lower.limit());
        limit.set("SIDECAR_CONTAINER_MEMORY_LIMIT_FILE /x holds 'lots'");
        SettingsReload.Outcome bad = reload.look();
        assertEquals(Kind.REFUSED, bad.kind());
        assertEquals(OptionalLong.of(1L << 29), bad.limit(), "the last good limit stays");
        assertEquals(Kind.NOTHING_NEW, reload.look().kind());
    }

    @Test
    void aLimitBelowAFixedMaxmemoryIsRefused() throws IOException {
        SettingsReload reload = start("maxmemory 768mb\n");
        limit.set(OptionalLong.of(1L << 29));
        SettingsReload.Outcome outcome = reload.look();
        assertEquals(Kind.REFUSED, outcome.kind());
        assertTrue(outcome.refusal().orElseThrow().contains("above the container memory limit"));
        assertEquals(GIB, outcome.limit());
    }

    @Test
    void startupThrowsWhatALookRefuses() {
        assertThrows(SettingsException.class, () -> start("maxmemory lots\n"));
    }
}
