package io.github.redissidecar.settings;

import java.util.Optional;

/**
 * What a check decided for one parameter.
 *
 * @param actual the server's value, empty when CONFIG GET did not know the parameter
 * @param blockedReason why a differing value is not set ({@code below_used_memory}, {@code boot_only},
 *     {@code loading}, {@code unknown_parameter}); empty otherwise
 */
public record ParameterAction(DesiredSetting desired, Optional<String> actual, Kind kind,
        Optional<String> blockedReason) {

    public enum Kind {
        /** Redis has the desired value. */
        IN_SYNC,
        /** Redis has another value, and the sidecar sets the desired one. */
        SET,
        /** Redis has another value that the sidecar would set, but may not write: it reports the drift. */
        REPORT,
        /** Redis has another value, deliberately not set: {@link #blockedReason()} says why. */
        BLOCKED
    }

    public boolean drift() {
        return kind != Kind.IN_SYNC;
    }

    public String parameter() {
        return desired.parameter();
    }

    static ParameterAction inSync(DesiredSetting desired, String actual) {
        return new ParameterAction(desired, Optional.of(actual), Kind.IN_SYNC, Optional.empty());
    }

    static ParameterAction set(DesiredSetting desired, String actual) {
        return new ParameterAction(desired, Optional.of(actual), Kind.SET, Optional.empty());
    }

    /** The same difference, reported instead of set. */
    ParameterAction reported() {
        return kind == Kind.SET ? new ParameterAction(desired, actual, Kind.REPORT, blockedReason) : this;
    }

    /** A set that Redis answered OK and did not apply: it reports {@code reported}; held back for a while. */
    public static ParameterAction notApplied(DesiredSetting desired, String reported) {
        return blocked(desired, Optional.of(reported), SettingsDiff.NOT_APPLIED);
    }

    static ParameterAction blocked(DesiredSetting desired, Optional<String> actual, String reason) {
        return new ParameterAction(desired, actual, Kind.BLOCKED, Optional.of(reason));
    }
}
