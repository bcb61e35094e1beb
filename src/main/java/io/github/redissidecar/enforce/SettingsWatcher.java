package io.github.redissidecar.enforce;

import io.github.redissidecar.settings.SettingsReload;
import java.lang.System.Logger.Level;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * Applies edits of the settings file and of the container memory limit file without a restart: each look re-reads
 * the sources; what {@link SettingsReload} accepts goes to the {@link Enforcer}; what it refuses is logged once and
 * shown on /status and /metrics while the last good settings stay in force.
 *
 * <p>Looked at on a schedule, not on a file-system watch: a mounted ConfigMap or Downward API volume changes by an
 * atomic swap of the {@code ..data} symlink in the directory, so a watch on the file itself never fires, a watch on
 * the directory depends on the symlink layout, and inotify does not work on every volume type. Reading a small file
 * every few seconds and comparing its content works on all of them, and an edit lands within one interval.
 */
public final class SettingsWatcher {

    private static final System.Logger LOG = System.getLogger(SettingsWatcher.class.getName());

    private final ConfiguredSettings configured;
    private final Consumer<OptionalLong> limitInForce;
    private final Enforcer enforcer;

    /** @param limitInForce told the container memory limit the accepted settings were computed with */
    public SettingsWatcher(ConfiguredSettings configured, Consumer<OptionalLong> limitInForce, Enforcer enforcer) {
        this.configured = configured;
        this.limitInForce = limitInForce;
        this.enforcer = enforcer;
    }

    /** Re-reads the sources, when any can change. */
    public void look() {
        if (!configured.watched()) {
            return;
        }
        SettingsReload.Outcome outcome = configured.reload().look();
        switch (outcome.kind()) {
            case NOTHING_NEW -> {
                // Unchanged, or still invalid (already said).
            }
            case REFUSED -> {
                LOG.log(Level.WARNING, "Settings change not applied, the last good settings stay in force: "
                        + outcome.refusal().orElse("?"));
                configured.state().refused(outcome.refusal());
            }
            case APPLIED -> {
                if (configured.state().refusal().isPresent()) {
                    LOG.log(Level.INFO, "Settings sources valid again");
                }
                configured.state().refused(outcome.refusal());
                outcome.change().lines().forEach(line -> LOG.log(Level.INFO, line));
                limitInForce.accept(outcome.limit());
                enforcer.settingsChanged(outcome.desired(), outcome.change().replaced());
            }
        }
    }
}
