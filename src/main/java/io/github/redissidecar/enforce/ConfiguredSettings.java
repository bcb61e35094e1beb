package io.github.redissidecar.enforce;

import io.github.redissidecar.config.SidecarConfig;
import io.github.redissidecar.memory.ContainerLimitSetting;
import io.github.redissidecar.settings.DesiredSettings;
import io.github.redissidecar.settings.EnforceMode;
import io.github.redissidecar.settings.EnforcementState;
import io.github.redissidecar.settings.SafetyPolicy;
import io.github.redissidecar.settings.SettingsException;
import io.github.redissidecar.settings.SettingsReload;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;

/**
 * The desired settings, read and validated at startup from {@code SIDECAR_SETTINGS_FILE} and
 * {@code SIDECAR_SETTINGS}: any mistake stops startup with a message naming the line, the value and the fix. Later
 * the {@link SettingsWatcher} re-reads them and {@link #replace} puts the accepted ones in force.
 */
@Startup
@ApplicationScoped
public class ConfiguredSettings {

    private final SettingsReload reload;
    private final Optional<EnforceMode> mode;
    private final EnforcementState state;
    private final SafetyPolicy policy;
    private final boolean watched;
    private final Duration watchInterval;
    private volatile DesiredSettings desired;

    ConfiguredSettings(SidecarConfig config, ContainerLimitSetting containerLimit) {
        this.reload = SettingsReload.read(config.settingsFile(), config.settings(), containerLimit.reader());
        this.desired = reload.desired();
        this.policy = policy(config);
        atLeastOneSecond(config.driftCheckInterval(), "SIDECAR_DRIFT_CHECK_INTERVAL (sidecar.drift-check-interval)",
                "maxmemory and the policy are checked at every poll anyway");
        this.watched = config.settingsFile().isPresent() || containerLimit.fromFile();
        this.watchInterval = config.settingsWatchInterval();
        this.mode = config.enforce();
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

    private static void atLeastOneSecond(Duration interval, String key, String why) {
        if (interval.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new SettingsException(key + " is " + interval.toMillis() + "ms; use 1s or more (" + why + ")");
        }
    }

    private static SafetyPolicy policy(SidecarConfig config) {
        double margin = config.maxmemorySafetyMargin();
        if (!(margin >= 0 && margin <= 100)) {
            throw new SettingsException("SIDECAR_MAXMEMORY_SAFETY_MARGIN (sidecar.maxmemory-safety-margin) is "
                    + config.maxmemorySafetyMargin() + "; give a percentage from 0 to 100 (default 10)");
        }
        return new SafetyPolicy(margin, config.allowMaxmemoryBelowUsed(), config.allowAppendonlyAtRuntime());
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
