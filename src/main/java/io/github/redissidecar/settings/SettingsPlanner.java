package io.github.redissidecar.settings;

import io.github.redissidecar.info.InfoSnapshot;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides a settings check, before anything is sent: what to do about each desired parameter, and in which order.
 * Input: the desired settings, what CONFIG GET returned, what the poll the check follows showed, which values this
 * server life would get back rather than get anew, and whether the sidecar may write at all. Output: the actions,
 * each with its reason; the applier only sends them. Pure.
 */
public final class SettingsPlanner {

    private SettingsPlanner() {
    }

    /**
     * What the safety rules need to know about the server, from the poll the check follows: its used memory and
     * whether it is loading, and the eviction policy that will be in force once the check is done (the desired one,
     * set first, or the one Redis has).
     *
     * @param restores the parameters whose desired value puts back what this server life had or came back without
     */
    public static ServerFacts facts(InfoSnapshot info, DesiredSettings desired, Set<String> restores) {
        String policy = desired.value("maxmemory-policy").orElse(info.text("maxmemory_policy").orElse("noeviction"));
        return new ServerFacts((long) info.number("used_memory").orElse(-1), info.number("loading").orElse(0) == 1,
                restores, policy);
    }

    /**
     * The actions of one check, in the order to take them: the eviction policy before maxmemory, because a lower
     * maxmemory set under the old policy (noeviction after a restart) would refuse writes until the new policy
     * lands, and CONFIG SET maxmemory evicts at once under the policy in force.
     *
     * @param actual CONFIG GET's answer, parameter → value
     * @param spellings Redis's own spelling of a desired value, learnt after a set (e.g. a reordered flag list)
     * @param mayWrite whether the sidecar may set values now (enforce mode, CONFIG SET not refused on this
     *     connection); when not, what it would set is reported instead
     */
    public static List<ParameterAction> plan(DesiredSettings desired, Map<String, String> actual,
            Map<String, String> spellings, ServerFacts facts, SafetyPolicy policy, boolean mayWrite) {
        return plan(desired, actual, spellings, facts, policy, mayWrite, Set.of());
    }

    /**
     * The same, with {@code heldBack}: parameters whose last set Redis answered OK and did not apply, and whose next
     * try is not due ({@link UnappliedSets}); what would set them is blocked instead.
     */
    public static List<ParameterAction> plan(DesiredSettings desired, Map<String, String> actual,
            Map<String, String> spellings, ServerFacts facts, SafetyPolicy policy, boolean mayWrite,
            Set<String> heldBack) {
        return SettingsDiff.plan(desired, actual, spellings, facts, policy).stream()
                .map(action -> action.kind() == ParameterAction.Kind.SET && heldBack.contains(action.parameter())
                        ? ParameterAction.notApplied(action.desired(), action.actual().orElse("")) : action)
                .map(action -> mayWrite ? action : action.reported())
                .sorted(Comparator.comparing(action -> action.parameter().equals("maxmemory")))
                .toList();
    }
}
