package io.github.redissidecar.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SettingsChangeTest {

    private static final OptionalLong GIB = OptionalLong.of(1L << 30);

    private static DesiredSettings parse(String text, OptionalLong limit) {
        return DesiredSettings.of(ConfLines.parse(text, "SIDECAR_SETTINGS_FILE /etc/s.conf"), limit);
    }

    private static SettingsChange change(String before, String after) {
        return SettingsChange.between(parse(before, GIB), GIB, parse(after, GIB), GIB);
    }

    @Test
    void sameSettingsAreNoChange() {
        SettingsChange change = change("maxmemory 512mb\nmaxmemory-policy allkeys-lru",
                "# edited\nmaxmemory-policy ALLKEYS-LRU\nmaxmemory 536870912");
        assertTrue(change.isEmpty(), "a reordering, a comment and another spelling of the same values: " + change);
        assertEquals(List.of(), change.lines());
    }

    @Test
    void changedAddedAndRemovedEachGiveOneLine() {
        SettingsChange change = change("maxmemory 35%\nmaxmemory-policy allkeys-lru\nsave \"\"",
                "maxmemory 20%\nmaxmemory-policy allkeys-lru\nappendfsync everysec");
        assertFalse(change.isEmpty());
        assertEquals(List.of("maxmemory"), change.changed().stream().map(c -> c.after().parameter()).toList());
        assertEquals(List.of("appendfsync"), change.added().stream().map(DesiredSetting::parameter).toList());
        assertEquals(List.of("save"), change.removed().stream().map(DesiredSetting::parameter).toList());
        assertEquals(Set.of("maxmemory", "save"), change.replaced(), "what was learned about old values is void");
        assertEquals(List.of(
                "Settings change: maxmemory 35% (375809638) -> 20% (214748364) (SIDECAR_SETTINGS_FILE /etc/s.conf "
                        + "line 1)",
                "Settings change: appendfsync everysec added (SIDECAR_SETTINGS_FILE /etc/s.conf line 3)",
                "Settings change: save removed: no longer enforced, Redis keeps its current value"),
                change.lines());
    }

    @Test
    void aChangedLimitMovesAPercentageAndSaysSo() {
        OptionalLong half = OptionalLong.of(1L << 29);
        SettingsChange change = SettingsChange.between(parse("maxmemory 50%", GIB), GIB, parse("maxmemory 50%", half),
                half);
        assertEquals("268435456", change.changed().get(0).after().value());
        assertEquals(List.of("Container memory limit changed: 1073741824 bytes -> 536870912 bytes",
                "Settings change: maxmemory 50% (536870912) -> 50% (268435456) (SIDECAR_SETTINGS_FILE /etc/s.conf "
                        + "line 1)"), change.lines());
    }

    @Test
    void aChangedLimitWithoutPercentagesIsStillAChange() {
        OptionalLong half = OptionalLong.of(1L << 29);
        SettingsChange change = SettingsChange.between(parse("maxmemory 256mb", GIB), GIB,
                parse("maxmemory 256mb", half), half);
        assertFalse(change.isEmpty(), "the limit itself is shown on /metrics and /status");
        assertTrue(change.changed().isEmpty() && change.replaced().isEmpty());
    }
}
