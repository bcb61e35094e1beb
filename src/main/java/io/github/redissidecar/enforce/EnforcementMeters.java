package io.github.redissidecar.enforce;

/** What the settings checks count, for the sidecar's own metrics. */
public interface EnforcementMeters {

    /** {@code parameter} was set back to its desired value; {@code trigger} is the check's trigger label. */
    void reasserted(String parameter, String trigger);

    /** A CONFIG SET of {@code parameter} failed; {@code reason} is the failure's label. */
    void reassertFailed(String parameter, String reason);
}
