package io.github.redissidecar.settings;

import java.util.Locale;

/** Why a check ran; the {@code trigger} label of {@code redis_sidecar_config_reasserts_total}. */
public enum Trigger {
    /** The first check after the sidecar started. */
    STARTUP,
    /** Redis restarted: new run_id or uptime went backwards. */
    RESTART,
    /** The periodic check, or a reconnect to the same server: someone changed a setting by hand. */
    DRIFT,
    /** The desired settings changed: the settings file or the container memory limit was edited. */
    SETTINGS;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
