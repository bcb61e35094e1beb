package io.github.redissidecar.enforce;

import io.github.redissidecar.settings.DesiredSettings;
import io.github.redissidecar.settings.EnforceMode;
import io.github.redissidecar.settings.EnforcementState;
import io.github.redissidecar.settings.SafetyPolicy;
import io.github.redissidecar.settings.SettingsReload;
import java.time.Duration;
import java.util.Optional;

/**
 * The desired settings in force, read and validated at startup from {@code SIDECAR_SETTINGS_FILE} and
 * {@code SIDECAR_SETTINGS} ({@link SettingsReload#read} refuses a mistake with a message naming the line, the value
 * and the fix), with the mode and the safety policy they are enforced under. Later the {@link SettingsWatcher}
 * re-reads them and {@link #replace} puts the accepted ones in force.
 */
public final class ConfiguredSettings {

    private final SettingsReload reload;
    private final Optional<EnforceMode> mode;
    private final EnforcementState state;
    private final SafetyPolicy policy;
    private final boolean watched;
    private final Duration watchInterval;
    private volatile DesiredSettings desired;

    /**
     * @param mode SIDECAR_ENFORCE; without it the mode follows the settings
     * @param watched whether any source can change while the sidecar runs (a settings file, a limit file)
     */
    public ConfiguredSettings(SettingsReload reload, Optional<EnforceMode> mode, SafetyPolicy policy, boolean watched,
            Duration watchInterval) {
        this.reload = reload;
        this.desired = reload.desired();
        this.mode = mode;
        this.policy = policy;
        this.watched = watched;
        this.watchInterval = watchInterval;
        this.state = new EnforcementState(mode(desired), desired);
    }

    public DesiredSettings desired() {
        return desired;
    }

    public EnforcementState state() {
        return state;
    }

    public SafetyPolicy policy() {
        return policy;
    }

    /** The re-reads of the settings sources. */
    public SettingsReload reload() {
        return reload;
    }

    /** Whether any source can change while the sidecar runs (a settings file, a limit file). */
    public boolean watched() {
        return watched;
    }

    /** New desired settings, accepted by {@link SettingsReload}, are in force from now on. */
    public void replace(DesiredSettings next) {
        state.replace(mode(next), next);
        this.desired = next;
    }

    /** Whether there is anything to check: settings given and the mode not off. */
    public boolean active() {
        return !desired.isEmpty() && state.mode() != EnforceMode.OFF;
    }

    // Without SIDECAR_ENFORCE the mode follows the settings: a file that gains its first line starts enforcing it.
    private EnforceMode mode(DesiredSettings settings) {
        return mode.orElse(settings.isEmpty() ? EnforceMode.OFF : EnforceMode.ENFORCE);
    }

    /** For the startup log. */
    public String describe() {
        String watch = watched ? "; file changes applied live (re-read every " + watchInterval.toMillis() / 1000.0
                + " s)" : "";
        if (desired.isEmpty()) {
            return "no desired settings (SIDECAR_SETTINGS, SIDECAR_SETTINGS_FILE): monitoring only, restarts counted"
                    + watch;
        }
        return "desired settings (" + state.mode().label() + " mode): " + String.join(", ", desired.all().stream()
                .map(d -> d.parameter() + " " + (d.value().isEmpty() ? "\"\"" : d.value())).toList()) + watch;
    }
}
