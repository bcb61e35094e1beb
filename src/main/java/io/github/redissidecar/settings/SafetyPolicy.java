package io.github.redissidecar.settings;

/**
 * The limits on what the sidecar may change at runtime.
 *
 * @param maxmemoryMarginPercent how far above {@code used_memory} a lowered {@code maxmemory} must stay
 * @param allowMaxmemoryBelowUsed opt-in: lower {@code maxmemory} even if Redis then evicts or rejects writes
 * @param allowAppendonlyAtRuntime opt-in: turn {@code appendonly} on in a running server
 */
public record SafetyPolicy(double maxmemoryMarginPercent, boolean allowMaxmemoryBelowUsed,
        boolean allowAppendonlyAtRuntime) {

    public static final SafetyPolicy DEFAULT = new SafetyPolicy(10, false, false);
}
