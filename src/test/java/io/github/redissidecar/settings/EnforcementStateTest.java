package io.github.redissidecar.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.redissidecar.info.InfoParser;
import io.github.redissidecar.info.InfoSnapshot;
import io.github.redissidecar.metrics.MetricFamily;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class EnforcementStateTest {

    // A real Redis 7.0 INFO with maxmemory 4194304 and allkeys-lru.
    private static InfoSnapshot info() throws Exception {
        return InfoParser.parse(Files.readString(Path.of("src/test/resources/info/7.0-master.txt")));
    }

    private static EnforcementState state(String settings) {
        return new EnforcementState(EnforceMode.ENFORCE, DesiredSettings.of(ConfLines.parse(settings, "test"),
                OptionalLong.empty()));
    }

    private static double sample(List<MetricFamily> families, String name, String parameter) {
        return families.stream().filter(f -> f.name().equals(name)).flatMap(f -> f.samples().stream())
                .filter(s -> s.labels().contains(parameter)).findFirst().orElseThrow().value();
    }

    @Test
    void whatInfoReportsOverridesAnOlderCheckSoTheSeriesNeverContradictRedisConfigMaxmemory() throws Exception {
        EnforcementState state = state("maxmemory 8mb\nmaxmemory-policy allkeys-lru");
        state.applied("maxmemory", "0", "8388608", Trigger.STARTUP, Instant.now()); // then typed back by hand
        List<ParameterStatus> seen = state.parameters(Optional.of(info()));
        assertEquals(Optional.of("4194304"), seen.get(0).actual());
        assertTrue(seen.get(0).drift());
        assertFalse(seen.get(1).drift());
        assertEquals(1, sample(io.github.redissidecar.metrics.EnforcementSeries.of(state, Optional.of(info())), "redis_sidecar_config_drift", "maxmemory"));
        assertEquals(0, sample(io.github.redissidecar.metrics.EnforcementSeries.of(state, Optional.empty()), "redis_sidecar_config_drift", "maxmemory"),
                "without a poll, the last check speaks");
    }

    @Test
    void aRestartIsPendingUntilEverySettingIsBack() {
        EnforcementState state = state("maxmemory 8mb");
        assertEquals(Optional.empty(), state.lastRestartRestored());
        state.restartPending(1_000_000_000L);
        assertEquals(Optional.of(false), state.lastRestartRestored());
        assertTrue(state.lastRestartUnprotectedSeconds().isEmpty(), "no figure from an earlier restart meanwhile");
        assertEquals(0.25, state.allInPlace(1_250_000_000L).orElseThrow(), 1e-9);
        assertEquals(Optional.of(true), state.lastRestartRestored());
        assertTrue(state.allInPlace(2_000_000_000L).isEmpty(), "measured once per restart");
    }

    @Test
    void blockedIsOnlyShownWhileTheValueDiffers() throws Exception {
        EnforcementState state = state("maxmemory 4mb");
        state.checked(List.of(ParameterAction.blocked(state.parameters(Optional.empty()).get(0).desired(),
                Optional.of("0"), SettingsDiff.BELOW_USED_MEMORY)));
        assertTrue(state.parameters(Optional.empty()).get(0).blockedReason().isPresent());
        assertEquals(Optional.empty(), state.parameters(Optional.of(info())).get(0).blockedReason(),
                "the poll shows 4 MB in force: nothing is blocked any more");
        assertEquals(Map.of("maxmemory", "4194304"), InfoSettings.of(info(), DesiredSettings.of(
                ConfLines.parse("maxmemory 4mb\nsave \"\"", "t"), OptionalLong.empty())));
    }

    @Test
    void theDriftCheckMaySkipItsConfigGetOnlyWhenPollsSeeEveryDeclaredParameterInPlace() {
        DesiredSettings infoOnly = DesiredSettings.of(ConfLines.parse("maxmemory 4mb\nmaxmemory-policy allkeys-lru",
                "t"), OptionalLong.empty());
        assertTrue(InfoSettings.coversAll(infoOnly));
        assertFalse(InfoSettings.coversAll(DesiredSettings.of(ConfLines.parse("maxmemory 4mb\nsave \"\"", "t"),
                OptionalLong.empty())), "save is not in INFO: only CONFIG GET sees it typed away");
        EnforcementState state = state("maxmemory 4mb\nmaxmemory-policy allkeys-lru");
        assertFalse(state.allInSync(), "nothing read yet");
        state.checked(state.parameters(Optional.empty()).stream()
                .map(p -> ParameterAction.inSync(p.desired(), p.desired().value())).toList());
        assertTrue(state.allInSync());
        state.checked(List.of(ParameterAction.set(state.parameters(Optional.empty()).get(0).desired(), "0")));
        assertFalse(state.allInSync(), "a check found maxmemory 0 (a restart, or typed by hand)");
    }

    @Test
    void replacedSettingsKeepTheStatusOfUnchangedValuesAndDropRemovedOnes() throws Exception {
        EnforcementState state = state("maxmemory 8mb\nmaxmemory-policy allkeys-lru\nsave \"\"");
        state.applied("maxmemory-policy", "noeviction", "allkeys-lru", Trigger.STARTUP, Instant.now());
        state.applied("maxmemory", "0", "8388608", Trigger.STARTUP, Instant.now());
        state.replace(EnforceMode.REPORT, DesiredSettings.of(ConfLines.parse("maxmemory 4mb\nmaxmemory-policy "
                + "ALLKEYS-LRU", "file"), OptionalLong.empty()));
        List<ParameterStatus> now = state.parameters(Optional.empty());
        assertEquals(List.of("maxmemory", "maxmemory-policy"), now.stream().map(s -> s.desired().parameter())
                .toList(), "save is no longer shown");
        assertEquals(Optional.empty(), now.get(0).actual(), "a new value is unchecked");
        assertEquals(Optional.of("allkeys-lru"), now.get(1).actual(), "the same value keeps its status");
        assertEquals("file line 2", now.get(1).desired().origin());
        assertEquals(EnforceMode.REPORT, state.mode());
        assertEquals(0, refused(state));
        state.refused(Optional.of("bad line"));
        assertEquals(1, refused(state));
    }

    private static double refused(EnforcementState state) {
        return io.github.redissidecar.metrics.EnforcementSeries.of(state, Optional.empty()).stream()
                .filter(f -> f.name().equals("redis_sidecar_settings_refused")).findFirst().orElseThrow().samples()
                .get(0).value();
    }
}
