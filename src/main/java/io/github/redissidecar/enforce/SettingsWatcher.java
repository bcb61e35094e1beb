package io.github.redissidecar.enforce;

import io.github.redissidecar.memory.ContainerLimitSetting;
import io.github.redissidecar.settings.SettingsReload;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Applies edits of the settings file and of the container memory limit file without a restart: the sources are
 * re-read on a schedule and what {@link SettingsReload} accepts goes to the {@link Enforcer}; what it refuses is
 * logged once and shown on /status and /metrics while the last good settings stay in force.
 *
 * <p>Polling, not a file-system watch: a mounted ConfigMap or Downward API volume changes by an atomic swap of the
 * {@code ..data} symlink in the directory, so a watch on the file itself never fires, a watch on the directory
 * depends on the symlink layout, and inotify does not work on every volume type. Reading a small file every few
 * seconds and comparing its content works on all of them, and an edit lands within one interval.
 */
@ApplicationScoped
public class SettingsWatcher {

    private static final Logger LOG = Logger.getLogger(SettingsWatcher.class);

    private final ConfiguredSettings configured;
    private final ContainerLimitSetting limit;
    private final Enforcer enforcer;

    SettingsWatcher(ConfiguredSettings configured, ContainerLimitSetting limit, Enforcer enforcer) {
        this.configured = configured;
        this.limit = limit;
        this.enforcer = enforcer;
    }

    @Scheduled(every = "${sidecar.settings-watch-interval}", delayed = "${sidecar.settings-watch-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void look() {
        if (!configured.watched()) {
            return;
        }
        SettingsReload.Outcome outcome = configured.reload().look();
        switch (outcome.kind()) {
            case NOTHING_NEW -> {
                // Unchanged, or still invalid (already said).
            }
            case REFUSED -> {
                LOG.warnf("Settings change not applied, the last good settings stay in force: %s",
                        outcome.refusal().orElse("?"));
                configured.state().refused(outcome.refusal());
            }
            case APPLIED -> {
                if (configured.state().refusal().isPresent()) {
                    LOG.info("Settings sources valid again");
                }
                configured.state().refused(outcome.refusal());
                outcome.change().lines().forEach(LOG::info);
                limit.update(outcome.limit());
                enforcer.settingsChanged(outcome.desired(), outcome.change().replaced());
            }
        }
    }
}
