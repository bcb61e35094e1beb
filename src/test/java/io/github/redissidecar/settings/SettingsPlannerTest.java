package io.github.redissidecar.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.redissidecar.info.InfoParser;
import io.github.redissidecar.info.InfoSnapshot;
import io.github.redissidecar.settings.ParameterAction.Kind;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SettingsPlannerTest {

    private static final DesiredSettings DESIRED = DesiredSettings.of(ConfLines.parse(
            "maxmemory 64mb\nmaxmemory-policy allkeys-lru\nmaxmemory-samples 7", "test"), OptionalLong.empty());
    private static final Map<String, String> RESTARTED = Map.of("maxmemory", "0", "maxmemory-policy", "noeviction",
            "maxmemory-samples", "5");
    private static final InfoSnapshot INFO = InfoParser.parse("# Memory\r\nused_memory:1048576\r\nmaxmemory:0\r\n"
            + "maxmemory_policy:noeviction\r\n# Persistence\r\nloading:0\r\n");

    private static List<ParameterAction> plan(Map<String, String> actual, InfoSnapshot info, Set<String> restores,
            boolean mayWrite) {
        return SettingsPlanner.plan(DESIRED, actual, Map.of(), SettingsPlanner.facts(info, DESIRED, restores),
                SafetyPolicy.DEFAULT, mayWrite);
    }

    @Test
    void theEvictionPolicyComesBeforeTheLimit() {
        List<ParameterAction> plan = plan(RESTARTED, INFO, Set.of("maxmemory"), true);
        assertEquals(List.of("maxmemory-policy", "maxmemory-samples", "maxmemory"),
                plan.stream().map(ParameterAction::parameter).toList());
        assertEquals(List.of(Kind.SET, Kind.SET, Kind.SET), plan.stream().map(ParameterAction::kind).toList());
    }

    @Test
    void whatWouldBeSetIsReportedWhenTheSidecarMayNotWriteAndBlockedStaysBlocked() {
        InfoSnapshot full = InfoParser.parse("# Memory\r\nused_memory:1073741824\r\nmaxmemory:0\r\n"
                + "maxmemory_policy:noeviction\r\n# Persistence\r\nloading:0\r\n");
        List<ParameterAction> plan = plan(RESTARTED, full, Set.of(), false);
        assertEquals(List.of(Kind.REPORT, Kind.REPORT, Kind.BLOCKED), plan.stream().map(ParameterAction::kind)
                .toList(), "a new 64 MB limit over 1 GB held by a noeviction Redis would refuse writes: blocked");
    }

    @Test
    void theFactsTakeThePolicyThatWillBeInForce() {
        assertEquals("allkeys-lru", SettingsPlanner.facts(INFO, DESIRED, Set.of()).policy());
        assertEquals(1048576, SettingsPlanner.facts(INFO, DESIRED, Set.of()).usedMemory());
    }
}
