package io.github.redissidecar.enforce;

import io.github.redissidecar.poll.PollResult;
import io.github.redissidecar.settings.ParameterAction;
import io.github.redissidecar.settings.SafetyPolicy;
import io.github.redissidecar.settings.SettingsDiff;

/** The log line for a setting deliberately not applied: what, why, and what to do. */
final class BlockedMessage {

    private BlockedMessage() {
    }

    static String of(ParameterAction action, PollResult poll, SafetyPolicy policy) {
        String parameter = action.parameter();
        String desired = Enforcer.show(action.desired().value());
        String actual = Enforcer.show(action.actual().orElse(""));
        return switch (action.blockedReason().orElse("")) {
            case SettingsDiff.BELOW_USED_MEMORY -> "Not lowering maxmemory from " + actual + " to " + desired
                    + " bytes: Redis uses " + poll.snapshot().flatMap(s -> s.text("used_memory")).orElse("?")
                    + " bytes and the desired value must stay " + policy.maxmemoryMarginPercent()
                    + "% above that, or Redis would evict keys (allkeys-*) or reject writes (noeviction) at once."
                    + " It will be applied when it is safe; SIDECAR_ALLOW_MAXMEMORY_BELOW_USED=true forces it";
            case SettingsDiff.BOOT_ONLY -> parameter.equals("appendonly")
                    ? "Not turning appendonly on at runtime: a Redis that booted without its AOF may be empty, and "
                            + "enabling AOF now rewrites that dataset over the AOF files on disk. appendonly yes "
                            + "belongs on Redis's command line (--appendonly yes) or in its config file; "
                            + "SIDECAR_ALLOW_APPENDONLY_AT_RUNTIME=true overrides"
                    : "Not setting " + parameter + " (" + actual + " in Redis, desired " + desired + "): it is "
                            + "read when Redis boots; put it on Redis's command line or in its config file";
            case SettingsDiff.UNKNOWN_PARAMETER -> "Redis does not know the parameter " + parameter + " (from "
                    + action.desired().origin() + "): check its spelling and the Redis version";
            default -> "Not setting " + parameter + ": " + action.blockedReason().orElse("");
        };
    }
}
