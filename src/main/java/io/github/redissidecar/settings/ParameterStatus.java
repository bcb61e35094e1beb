package io.github.redissidecar.settings;

import java.util.Optional;

/**
 * Where one desired parameter stands, for /status and the drift metrics.
 *
 * @param actual the server's value at the last check, empty before the first check or when unknown to Redis
 * @param lastAction the last thing done about it, e.g. {@code set 0 -> 536870912 (restart)}
 * @param blockedReason why a differing value is not set
 */
public record ParameterStatus(DesiredSetting desired, Optional<String> actual, boolean drift,
        Optional<String> lastAction, Optional<String> blockedReason) {

    static ParameterStatus unchecked(DesiredSetting desired) {
        return new ParameterStatus(desired, Optional.empty(), false, Optional.empty(), Optional.empty());
    }

    /** The same status for a new spelling or origin of the same desired value. */
    ParameterStatus withDesired(DesiredSetting setting) {
        return new ParameterStatus(setting, actual, drift, lastAction, blockedReason);
    }

    ParameterStatus checked(ParameterAction action) {
        return new ParameterStatus(desired, action.actual(), action.drift(), lastAction, action.blockedReason());
    }

    ParameterStatus applied(String from, String to, Trigger trigger, String at) {
        return new ParameterStatus(desired, Optional.of(to), false,
                Optional.of("set " + from + " -> " + to + " (" + trigger.label() + ") at " + at), Optional.empty());
    }

    /** This status with the value the latest poll's INFO reported, which is newer than the last check's. */
    ParameterStatus seenInInfo(String value) {
        boolean differs = !value.equals(desired.value());
        return new ParameterStatus(desired, Optional.of(value), differs, lastAction,
                differs ? blockedReason : Optional.empty());
    }

    ParameterStatus failed(String reason, String at) {
        return new ParameterStatus(desired, actual, true, Optional.of("set failed: " + reason + " at " + at),
                blockedReason);
    }
}
