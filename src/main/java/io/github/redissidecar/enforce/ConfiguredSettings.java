package io.github.redissidecar.enforce;

import io.github.redissidecar.config.SidecarConfig;
import io.github.redissidecar.memory.ContainerLimitSetting;
import io.github.redissidecar.settings.DesiredSettings;
import io.github.redissidecar.settings.EnforceMode;
import io.github.redissidecar.settings.EnforcementState;
import io.github.redissidecar.settings.SafetyPolicy;
import io.github.redissidecar.settings.SettingsException;
import io.github.redissidecar.settings.SettingsSources;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * The desired settings, read and validated once at startup from {@code SIDECAR_SETTINGS_FILE} and
 * {@code SIDECAR_SETTINGS}. Any mistake stops startup with a message naming the line, the value and the fix.
 */
@Startup
@ApplicationScoped
public class ConfiguredSettings {

    private final DesiredSettings desired;
    private final EnforcementState state;
    private final SafetyPolicy policy;

    ConfiguredSettings(SidecarConfig config, ContainerLimitSetting containerLimit) {
        this.desired = DesiredSettings.of(SettingsSources.read(config.settingsFile(), config.settings()),
                containerLimit.bytes());
        this.policy = policy(config);
        if (config.driftCheckInterval().compareTo(Duration.ofSeconds(1)) < 0) {
            throw new SettingsException("SIDECAR_DRIFT_CHECK_INTERVAL (sidecar.drift-check-interval) is "
                    + config.driftCheckInterval().toMillis() + "ms; use 1s or more (maxmemory and the policy are "
                    + "checked at every poll anyway)");
        }
        EnforceMode mode = config.enforce().orElse(desired.isEmpty() ? EnforceMode.OFF : EnforceMode.ENFORCE);
        this.state = new EnforcementState(mode, desired);
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

    /** Whether there is anything to check: settings given and the mode not off. */
    public boolean active() {
        return !desired.isEmpty() && state.mode() != EnforceMode.OFF;
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
        if (desired.isEmpty()) {
            return "no desired settings (SIDECAR_SETTINGS, SIDECAR_SETTINGS_FILE): monitoring only, restarts counted";
        }
        return "desired settings (" + state.mode().label() + " mode): " + String.join(", ", desired.all().stream()
                .map(d -> d.parameter() + " " + (d.value().isEmpty() ? "\"\"" : d.value())).toList());
    }
}
