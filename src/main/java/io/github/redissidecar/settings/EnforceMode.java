package io.github.redissidecar.settings;

import java.util.Locale;

/** {@code SIDECAR_ENFORCE}: what the sidecar does about drift. */
public enum EnforceMode {
    /** Set what differs (the default when settings are given). */
    ENFORCE,
    /** Export drift, never write. */
    REPORT,
    /** Neither read nor write the settings. */
    OFF;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
