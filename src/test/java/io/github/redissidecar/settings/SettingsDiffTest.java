package io.github.redissidecar.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.redissidecar.settings.ParameterAction.Kind;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class SettingsDiffTest {

    private static final long MB = 1L << 20;
    private static final ServerFacts EMPTY = new ServerFacts(MB, false);

    private static ParameterAction plan(String settings, Map<String, String> actual, ServerFacts facts,
            SafetyPolicy policy) {
        DesiredSettings desired = DesiredSettings.of(ConfLines.parse(settings, "test"), OptionalLong.empty());
        List<ParameterAction> plan = SettingsDiff.plan(desired, actual, Map.of(), facts, policy);
        return plan.get(0);
    }

    private static ParameterAction plan(String settings, Map<String, String> actual, ServerFacts facts) {
        return plan(settings, actual, facts, SafetyPolicy.DEFAULT);
    }

    @Test
    void equalValuesAreInSyncAndDifferentOnesAreSet() {
        assertEquals(Kind.IN_SYNC, plan("maxmemory 64mb", Map.of("maxmemory", "67108864"), EMPTY).kind());
        ParameterAction set = plan("maxmemory-policy allkeys-lru", Map.of("maxmemory-policy", "noeviction"), EMPTY);
        assertEquals(Kind.SET, set.kind());
        assertEquals(Optional.of("noeviction"), set.actual());
    }

    @Test
    void onlyDifferingParametersAreSet() {
        DesiredSettings desired = DesiredSettings.of(ConfLines.parse("maxmemory 64mb\nmaxmemory-policy "
                + "allkeys-lru", "test"), OptionalLong.empty());
        List<ParameterAction> plan = SettingsDiff.plan(desired, Map.of("maxmemory", "0", "maxmemory-policy",
                "allkeys-lru"), Map.of(), EMPTY, SafetyPolicy.DEFAULT);
        assertEquals(List.of(Kind.SET, Kind.IN_SYNC), plan.stream().map(ParameterAction::kind).toList());
    }

    @Test
    void aLimitBelowUsedMemoryPlusTheMarginWaitsWhenRedisAlreadyHasOne() {
        ServerFacts used100 = new ServerFacts(100 * MB, false);
        Map<String, String> has200 = Map.of("maxmemory", Long.toString(200 * MB));
        ParameterAction blocked = plan("maxmemory 64mb", has200, used100);
        assertEquals(Kind.BLOCKED, blocked.kind());
        assertEquals(Optional.of(SettingsDiff.BELOW_USED_MEMORY), blocked.blockedReason());
        assertEquals(Kind.BLOCKED, plan("maxmemory 105mb", has200, used100).kind(), "within the 10% margin");
        assertEquals(Kind.SET, plan("maxmemory 111mb", has200, used100).kind());
        assertEquals(Kind.SET, plan("maxmemory 64mb", has200, used100, new SafetyPolicy(10, true, false)).kind(),
                "explicit opt-in");
    }

    @Test
    void aRedisWithNoLimitGetsOneAsSoonAsItKeepsTheData() {
        Map<String, String> unlimited = Map.of("maxmemory", "0");
        ServerFacts noeviction = new ServerFacts(100 * MB, false, java.util.Set.of(), "noeviction");
        assertEquals(Kind.BLOCKED, plan("maxmemory 64mb", unlimited, noeviction).kind(), "would reject writes now");
        assertEquals(Kind.SET, plan("maxmemory 101mb", unlimited, noeviction).kind(),
                "no margin: waiting risks an OOM kill that loses everything");
        ServerFacts cache = new ServerFacts(100 * MB, false, java.util.Set.of(), "allkeys-lru");
        assertEquals(Kind.SET, plan("maxmemory 95mb", unlimited, cache).kind(),
                "a cache sheds at most the margin's share of its least recently used keys");
        assertEquals(Kind.BLOCKED, plan("maxmemory 85mb", unlimited, cache).kind());
    }

    @Test
    void raisingMaxmemoryOrRemovingTheLimitIsAlwaysSafe() {
        ServerFacts used100 = new ServerFacts(100 * MB, false);
        assertEquals(Kind.SET, plan("maxmemory 0", Map.of("maxmemory", "1048576"), used100).kind());
        assertEquals(Kind.SET, plan("maxmemory 2mb", Map.of("maxmemory", "1048576"), used100).kind());
    }

    @Test
    void restoringMaxmemoryIsNotHeldBackByTheMarginWhateverTheDatasetSize() {
        ServerFacts cameBackAtTheLimit = new ServerFacts(34 * MB, false, java.util.Set.of("maxmemory"), "noeviction");
        ParameterAction restore = plan("maxmemory 32mb", Map.of("maxmemory", "0"), cameBackAtTheLimit);
        assertEquals(Kind.SET, restore.kind(), "a restart at the limit gets its limit back");
        assertEquals(Kind.SET, plan("maxmemory 32mb", Map.of("maxmemory", "0"),
                new ServerFacts(34 * MB, true, java.util.Set.of("maxmemory"), "noeviction")).kind(),
                "also while a replica loads: a restore does not depend on the final used memory");
        assertEquals(Kind.BLOCKED, plan("maxmemory 32mb", Map.of("maxmemory", "0"),
                new ServerFacts(34 * MB, false, java.util.Set.of("maxmemory-policy"), "noeviction")).kind(),
                "a change is still held back");
    }

    @Test
    void aRestoreStillNeverTurnsAppendonlyOn() {
        ServerFacts restoring = new ServerFacts(MB, false, java.util.Set.of("appendonly"), "noeviction");
        assertEquals(Optional.of(SettingsDiff.BOOT_ONLY), plan("appendonly yes", Map.of("appendonly", "no"),
                restoring).blockedReason());
    }

    @Test
    void maxmemoryWaitsWhileRedisLoads() {
        ParameterAction action = plan("maxmemory 64mb", Map.of("maxmemory", "0"), new ServerFacts(MB, true));
        assertEquals(Optional.of(SettingsDiff.LOADING), action.blockedReason());
    }

    @Test
    void appendonlyIsNeverTurnedOnAtRuntimeUnlessAllowed() {
        Map<String, String> off = Map.of("appendonly", "no");
        assertEquals(Optional.of(SettingsDiff.BOOT_ONLY), plan("appendonly yes", off, EMPTY).blockedReason());
        assertEquals(Kind.SET, plan("appendonly yes", off, EMPTY, new SafetyPolicy(10, false, true)).kind());
        assertEquals(Kind.SET, plan("appendonly no", Map.of("appendonly", "yes"), EMPTY).kind(),
                "turning it off loses nothing on disk");
    }

    @Test
    void fileLocationsAreNeverSet() {
        for (String parameter : List.of("dir", "dbfilename", "appendfilename", "appenddirname")) {
            ParameterAction action = plan(parameter + " x", Map.of(parameter, "y"), EMPTY,
                    new SafetyPolicy(0, true, true));
            assertEquals(Optional.of(SettingsDiff.BOOT_ONLY), action.blockedReason(), parameter);
        }
    }

    @Test
    void aParameterRedisDoesNotKnowIsReported() {
        ParameterAction action = plan("no-such-thing 1", Map.of(), EMPTY);
        assertEquals(Optional.of(SettingsDiff.UNKNOWN_PARAMETER), action.blockedReason());
        assertEquals(Optional.empty(), action.actual());
    }

    @Test
    void aSpellingIsTheSameCharactersAndNeverAnotherValue() {
        assertEquals(true, ParameterCatalog.sameUpToSpelling("Ex", "xE"));
        assertEquals(true, ParameterCatalog.sameUpToSpelling("3600 1  300 100", "3600 1 300 100"));
        assertEquals(false, ParameterCatalog.sameUpToSpelling("67108864", "0"), "a hand-typed change in between");
        assertEquals(false, ParameterCatalog.sameUpToSpelling("Ex", "Exg"));
    }

    @Test
    void redisOwnSpellingOfAValueIsNotDrift() {
        DesiredSettings desired = DesiredSettings.of(ConfLines.parse("notify-keyspace-events Ex", "t"),
                OptionalLong.empty());
        assertEquals(Kind.IN_SYNC, SettingsDiff.plan(desired, Map.of("notify-keyspace-events", "xE"),
                Map.of("notify-keyspace-events", "xE"), EMPTY, SafetyPolicy.DEFAULT).get(0).kind());
    }
}
