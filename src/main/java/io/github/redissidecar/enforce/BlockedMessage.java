package io.github.redissidecar.enforce;

import io.github.redissidecar.info.InfoSnapshot;
import io.github.redissidecar.memory.ByteSize;
import io.github.redissidecar.settings.DesiredSetting;
import io.github.redissidecar.settings.SettingsDiff;
import java.util.Optional;

/** The words for a setting deliberately not applied: what, why, what Redis runs with meanwhile, what to do. */
public final class BlockedMessage {

    private BlockedMessage() {
    }

    /**
     * @param actual the value Redis has
     * @param info the latest poll, for used memory
     */
    public static String of(DesiredSetting desired, String actual, String reason, Optional<InfoSnapshot> info) {
        String parameter = desired.parameter();
        String want = EnforcementReport.show(desired.value());
        String have = EnforcementReport.show(actual);
        return switch (reason) {
            case SettingsDiff.BELOW_USED_MEMORY -> "Not lowering maxmemory from " + limit(actual) + " to "
                    + size(desired.value()) + " (" + desired.written() + ", " + desired.origin() + ") on this adopted "
                    + "Redis: it holds " + info.flatMap(s -> s.text("used_memory")).map(BlockedMessage::size)
                            .orElse("?") + ", and the new limit would evict keys (allkeys-*) or reject writes "
                    + "(noeviction) at once. Redis keeps running with " + (actual.equals("0") ? "NO memory limit"
                            : "maxmemory " + size(actual)) + " until the new limit is safe; "
                    + "SIDECAR_ALLOW_MAXMEMORY_BELOW_USED=true applies it now. Fix: free memory, or raise the "
                    + "declared maxmemory";
            case SettingsDiff.BOOT_ONLY -> parameter.equals("appendonly")
                    ? "Not turning appendonly on at runtime: a Redis that booted without its AOF may be empty, and "
                            + "enabling AOF now rewrites that dataset over the AOF files on disk. appendonly yes "
                            + "belongs on Redis's command line (--appendonly yes) or in its config file; "
                            + "SIDECAR_ALLOW_APPENDONLY_AT_RUNTIME=true overrides"
                    : "Not setting " + parameter + " (" + have + " in Redis, desired " + want + "): it is "
                            + "read when Redis boots; put it on Redis's command line or in its config file";
            case SettingsDiff.UNKNOWN_PARAMETER -> "Redis does not know the parameter " + parameter + " (from "
                    + desired.origin() + "): check its spelling and the Redis version";
            case SettingsDiff.LOADING -> "Not lowering maxmemory while Redis loads its dataset: used memory is not "
                    + "final yet; decided as soon as the load ends";
            case SettingsDiff.NOT_APPLIED -> "CONFIG SET " + parameter + " " + want + " answered OK but Redis "
                    + "still reports " + have + ": retrying with backoff, from 1 s doubling to every 5 min, until it "
                    + "does. Fix: check what answers on REDIS_ADDR (a proxy or server that accepts CONFIG SET and "
                    + "ignores it), or, if Redis spells the value its own way, write it so in the settings";
            default -> "Not setting " + parameter + ": " + reason;
        };
    }

    private static String limit(String maxmemory) {
        return maxmemory.equals("0") ? "0 (no limit)" : size(maxmemory);
    }

    private static String size(String bytes) {
        try {
            return ByteSize.human(Long.parseLong(bytes));
        } catch (NumberFormatException e) {
            return bytes;
        }
    }
}
