package io.github.redissidecar.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Compares the desired settings with what CONFIG GET returned and decides, parameter by parameter, what to set,
 * what is already right and what must not be touched because setting it could lose data. A lower maxmemory that
 * is a restore ({@link ServerFacts#restores()}) is set whatever the dataset size; one that is a change waits until
 * it is safe ({@link #maxmemoryRisk}).
 */
public final class SettingsDiff {

    public static final String BELOW_USED_MEMORY = "below_used_memory";
    public static final String BOOT_ONLY = "boot_only";
    public static final String LOADING = "loading";
    public static final String UNKNOWN_PARAMETER = "unknown_parameter";
    /** A set answered OK that Redis did not apply: retried with a backoff ({@link UnappliedSets}). */
    public static final String NOT_APPLIED = "not_applied";

    private SettingsDiff() {
    }

    /**
     * @param actual CONFIG GET's answer, parameter → value
     * @param spellings Redis's own spelling of a desired value, learned after a set (e.g. a reordered flag list)
     */
    public static List<ParameterAction> plan(DesiredSettings desired, Map<String, String> actual,
            Map<String, String> spellings, ServerFacts facts, SafetyPolicy policy) {
        List<ParameterAction> out = new ArrayList<>();
        for (DesiredSetting setting : desired.all()) {
            out.add(decide(setting, actual.get(setting.parameter()), spellings, facts, policy));
        }
        return out;
    }

    private static ParameterAction decide(DesiredSetting setting, String actual, Map<String, String> spellings,
            ServerFacts facts, SafetyPolicy policy) {
        if (actual == null) {
            return ParameterAction.blocked(setting, Optional.empty(), UNKNOWN_PARAMETER);
        }
        if (actual.equals(setting.value()) || actual.equals(spellings.get(setting.parameter()))) {
            return ParameterAction.inSync(setting, actual);
        }
        Optional<String> reason = unsafe(setting, actual, facts, policy);
        return reason.isPresent() ? ParameterAction.blocked(setting, Optional.of(actual), reason.get())
                : ParameterAction.set(setting, actual);
    }

    private static Optional<String> unsafe(DesiredSetting setting, String actual, ServerFacts facts,
            SafetyPolicy policy) {
        String parameter = setting.parameter();
        if (ParameterCatalog.BOOT_ONLY.contains(parameter)) {
            return Optional.of(BOOT_ONLY);
        }
        if (parameter.equals("appendonly") && setting.value().equals("yes") && !policy.allowAppendonlyAtRuntime()) {
            return Optional.of(BOOT_ONLY);
        }
        if (parameter.equals("maxmemory") && lowers(setting.value(), actual)
                && !facts.restores().contains(parameter)) {
            return maxmemoryRisk(Long.parseLong(setting.value()), actual.equals("0"), facts, policy);
        }
        return Optional.empty();
    }

    // 0 means "no limit", so any positive value lowers it.
    private static boolean lowers(String desired, String actual) {
        long want = Long.parseLong(desired);
        long have;
        try {
            have = Long.parseLong(actual);
        } catch (NumberFormatException e) {
            return true;
        }
        return want > 0 && (have == 0 || want < have);
    }

    /**
     * A lower limit on a Redis that has one waits until it stays the margin above used memory: nothing urges it. A
     * Redis with no limit at all is worse off waiting (an OOM kill loses everything), so a limit is set as soon as
     * it keeps the data: at or above used memory, or, when the policy may evict any key, at most the margin below
     * it (the least recently used tail a cache at its limit sheds anyway).
     */
    private static Optional<String> maxmemoryRisk(long desired, boolean unlimited, ServerFacts facts,
            SafetyPolicy policy) {
        if (policy.allowMaxmemoryBelowUsed()) {
            return Optional.empty();
        }
        if (facts.loading()) {
            return Optional.of(LOADING);
        }
        if (facts.usedMemory() < 0) {
            return Optional.of(BELOW_USED_MEMORY);
        }
        double margin = policy.maxmemoryMarginPercent() / 100;
        double floor = !unlimited ? facts.usedMemory() * (1 + margin)
                : facts.evictsAnyKey() ? facts.usedMemory() * (1 - margin) : facts.usedMemory();
        return desired < floor ? Optional.of(BELOW_USED_MEMORY) : Optional.empty();
    }
}
