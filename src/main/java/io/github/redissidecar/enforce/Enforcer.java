package io.github.redissidecar.enforce;

import io.github.redissidecar.StartupReport;
import io.github.redissidecar.config.SidecarConfig;
import io.github.redissidecar.info.InfoSnapshot;
import io.github.redissidecar.metrics.SidecarMeters;
import io.github.redissidecar.poll.Polled;
import io.github.redissidecar.poll.Poller;
import io.github.redissidecar.poll.SnapshotHolder;
import io.github.redissidecar.redis.RedisFailure;
import io.github.redissidecar.redis.RedisPort;
import io.github.redissidecar.redis.RedisWorker;
import io.github.redissidecar.settings.CheckSchedule;
import io.github.redissidecar.settings.DesiredSettings;
import io.github.redissidecar.settings.EnforceMode;
import io.github.redissidecar.settings.EnforcementState;
import io.github.redissidecar.settings.InfoSettings;
import io.github.redissidecar.settings.LifeSettings;
import io.github.redissidecar.settings.ParameterAction;
import io.github.redissidecar.settings.ParameterCatalog;
import io.github.redissidecar.settings.ServerFacts;
import io.github.redissidecar.settings.ServerLives;
import io.github.redissidecar.settings.SettingsDiff;
import io.github.redissidecar.settings.Trigger;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Keeps Redis's settings at the desired values. When a check is due is {@link CheckSchedule}'s business, what
 * counts as a restore {@link LifeSettings}', what to set {@link SettingsDiff}'s; this class runs the checks: one
 * CONFIG GET, the diff, CONFIG SET of what differs and is safe, and a poll right after so that /metrics shows it
 * (asked for before the sets, so that no scrape is served the poll from before them).
 * Everything here runs on the Redis thread, right after a poll, so every decision rests on an INFO read a moment
 * ago. The drift deadline keeps its own clock: the settings are looked at (a poll, plus CONFIG GET for what INFO
 * does not report) at least every SIDECAR_DRIFT_CHECK_INTERVAL, whatever the scrapes do.
 */
@ApplicationScoped
public class Enforcer {

    private static final Logger LOG = Logger.getLogger(Enforcer.class);
    private static final Duration LOADING_RETRY = Duration.ofMillis(50);

    private final RedisPort redis;
    private final RedisWorker worker;
    private final Poller poller;
    private final SnapshotHolder holder;
    private final SidecarMeters meters;
    private final ConfiguredSettings configured;
    private final EnforcementState state;
    private final OnceLog onceLog = new OnceLog(LOG);
    private final boolean rewrite;
    private final Duration adoptAfter;
    private final Duration driftInterval;
    private final RedisWorker.Deadline drift;
    private final CheckSchedule schedule = new CheckSchedule();
    private final LifeSettings life = new LifeSettings();
    private final Map<String, String> spellings = new HashMap<>();
    private boolean driftDue;

    Enforcer(RedisPort redis, RedisWorker worker, Poller poller, SnapshotHolder holder, SidecarMeters meters,
            ConfiguredSettings configured, SidecarConfig config) {
        this.redis = redis;
        this.worker = worker;
        this.poller = poller;
        this.holder = holder;
        this.meters = meters;
        this.configured = configured;
        this.state = configured.state();
        this.rewrite = config.configRewrite();
        this.adoptAfter = config.adoptAfter();
        this.driftInterval = config.driftCheckInterval();
        this.drift = worker.deadline(this::driftDue);
    }

    // Listening even without settings: a watched settings file may gain some.
    void start(@Observes @Priority(StartupReport.CHECKS) StartupEvent event) {
        poller.onPoll(this::polled);
        drift.in(driftInterval);
    }

    /**
     * New desired settings are accepted: they are in force from now on, and the next poll checks them through the
     * same plan as every other check (a lower maxmemory still waits for the safety margin). What was learned about
     * the values they replace (in force on this life, Redis's spelling) no longer applies.
     */
    public void settingsChanged(DesiredSettings next, Set<String> replaced) {
        worker.execute(() -> {
            configured.replace(next);
            replaced.forEach(parameter -> {
                spellings.remove(parameter);
                onceLog.forget(parameter);
            });
            life.forget(replaced);
            if (configured.active()) {
                schedule.settingsChanged();
                poller.pollSoon();
            }
        });
    }

    // Nothing looked at the settings for a whole interval: a poll looks, and its check reads what INFO does not show.
    private void driftDue() {
        drift.in(driftInterval); // again, should this poll fail: a new connection's poll checks anyway
        if (configured.active()) {
            driftDue = true;
            poller.pollSoon();
        }
    }

    private void polled(Polled polled) {
        if (!configured.active()) {
            return;
        }
        InfoSnapshot snapshot = polled.snapshot();
        lifeBegins(polled);
        DesiredSettings desired = configured.desired();
        Map<String, String> info = InfoSettings.of(snapshot, desired);
        Map<String, String> wanted = InfoSettings.desired(info, desired);
        info.forEach((parameter, value) -> {
            if (value.equals(wanted.get(parameter))) {
                life.inForce(parameter, value);
            }
        });
        boolean coversAll = InfoSettings.coversAll(desired);
        Optional<Trigger> trigger = schedule.afterPoll(polled.connection(), polled.event()
                == ServerLives.Event.RESTART, info, wanted, settable(snapshot, info), driftDue && !coversAll);
        driftDue = false;
        trigger.ifPresent(t -> check(snapshot, t));
        if (trigger.isPresent() || coversAll) {
            drift.in(driftInterval); // the settings were looked at, all of them
        }
    }

    // Whether this poll's INFO shows a parameter the sidecar would now set (e.g. a held-back maxmemory that has
    // become safe): then a check runs now rather than at the drift interval.
    private boolean settable(InfoSnapshot snapshot, Map<String, String> info) {
        if (info.isEmpty() || !mayWrite(redis.connection())) {
            return false;
        }
        DesiredSettings visible = configured.desired().only(info.keySet());
        return SettingsDiff.plan(visible, info, spellings, facts(snapshot, configured.desired()), configured.policy())
                .stream().anyMatch(a -> a.kind() == ParameterAction.Kind.SET);
    }

    private void lifeBegins(Polled polled) {
        long uptime = (long) polled.snapshot().number("uptime_in_seconds").orElse(0);
        switch (polled.event()) {
            case RESTART -> {
                life.restarted();
                state.restartPending(polled.connectedAtNanos());
            }
            case FIRST_CONTACT_FRESH -> {
                if (polled.snapshot().number("maxmemory").orElse(0) == 0) {
                    LOG.infof("Redis at %s has been up %d s, within SIDECAR_ADOPT_AFTER of the sidecar's start, and "
                            + "has no maxmemory: treated as restarted, its settings are put back", redis.address(),
                            uptime);
                    life.cameBack(configured.desired());
                    // It has run without them since it started, not since it accepted the sidecar.
                    state.restartPending(Math.min(polled.connectedAtNanos(), System.nanoTime()
                            - TimeUnit.SECONDS.toNanos(uptime)));
                } else {
                    life.adopted();
                }
            }
            case FIRST_CONTACT_ADOPTED -> {
                LOG.infof("Redis at %s has been up %d s, longer than the sidecar plus SIDECAR_ADOPT_AFTER (%d s): "
                        + "adopted, so a maxmemory below the one it runs with waits until it is safe",
                        redis.address(), uptime, adoptAfter.toSeconds());
                life.adopted();
            }
            case SAME_LIFE -> {
                // Nothing begins.
            }
        }
    }

    /** Reads the settings, plans and applies, on the INFO of the poll just made. */
    private void check(InfoSnapshot snapshot, Trigger trigger) {
        long connection = redis.connection();
        schedule.checking(connection);
        DesiredSettings desired = configured.desired();
        Map<String, String> actual;
        try {
            actual = redis.configGet(desired.parameters());
        } catch (RedisFailure failure) {
            readFailed(failure, trigger);
            return;
        }
        readAllowed();
        List<ParameterAction> plan = SettingsDiff.plan(desired, actual, spellings, facts(snapshot, desired),
                configured.policy());
        state.checked(plan);
        boolean sets = plan.stream().anyMatch(a -> a.kind() == ParameterAction.Kind.SET) && mayWrite(connection);
        if (sets) {
            poller.pollSoon(); // before the sets: a scrape meanwhile waits for what they did, not the poll before
        }
        boolean allBack = true;
        boolean anySet = false;
        for (ParameterAction action : policyBeforeLimit(plan)) {
            boolean back = switch (action.kind()) {
                case IN_SYNC -> inSync(action);
                case SET -> mayWrite(connection) ? apply(action, trigger) : reportOnly(action);
                case BLOCKED -> blocked(action, trigger);
            };
            anySet |= action.kind() == ParameterAction.Kind.SET && back;
            allBack &= back;
        }
        if (anySet) {
            afterSets(plan, snapshot);
        }
        if (allBack) {
            restored();
        }
    }

    private ServerFacts facts(InfoSnapshot snapshot, DesiredSettings desired) {
        String policy = desired.value("maxmemory-policy")
                .orElse(snapshot.text("maxmemory_policy").orElse("noeviction"));
        return new ServerFacts((long) snapshot.number("used_memory").orElse(-1),
                snapshot.number("loading").orElse(0) == 1, life.restores(desired), policy);
    }

    // The eviction policy first: a lower maxmemory set under the old policy (noeviction after a restart) would
    // refuse writes until the new policy lands, and CONFIG SET maxmemory evicts at once under the policy in force.
    private static List<ParameterAction> policyBeforeLimit(List<ParameterAction> plan) {
        return plan.stream().sorted(Comparator.comparing(a -> a.parameter().equals("maxmemory"))).toList();
    }

    private boolean mayWrite(long connection) {
        return state.mode() == EnforceMode.ENFORCE && schedule.setAllowed(connection);
    }

    private boolean inSync(ParameterAction action) {
        life.inForce(action.parameter(), action.desired().value());
        onceLog.forget(action.parameter());
        return true;
    }

    private boolean apply(ParameterAction action, Trigger trigger) {
        String parameter = action.parameter();
        String from = action.actual().orElse("");
        try {
            redis.configSet(parameter, action.desired().value());
        } catch (RedisFailure failure) {
            return setFailed(action, failure, trigger);
        }
        life.inForce(parameter, action.desired().value());
        state.applied(parameter, from, action.desired().value(), trigger, Instant.now());
        meters.reasserted(parameter, trigger.label());
        state.available(true, Optional.empty());
        onceLog.forget(parameter);
        onceLog.forget("unavailable");
        // A value changed in Redis by someone else is worth a warning; putting settings back after a restart is not.
        LOG.logf(trigger == Trigger.DRIFT ? Logger.Level.WARN : Logger.Level.INFO, "Set %s %s -> %s (%s%s)",
                parameter, show(from), show(action.desired().value()), trigger == Trigger.DRIFT
                        ? "drift: it was changed in Redis" : trigger.label(),
                action.desired().written().equals(action.desired().value()) ? ""
                        : "; desired " + action.desired().written());
        return true;
    }

    private boolean setFailed(ParameterAction action, RedisFailure failure, Trigger trigger) {
        ConfigFailure kind = ConfigFailure.of(failure);
        state.failed(action.parameter(), kind.label(), Instant.now());
        meters.reassertFailed(action.parameter(), kind.label());
        switch (kind) {
            case DENIED -> {
                schedule.setDenied(redis.connection());
                state.available(false, Optional.of("CONFIG SET not permitted: " + failure.getMessage()));
                onceLog.warn("unavailable|set", "Cannot set Redis settings, reporting drift only: "
                        + failure.getMessage() + ". " + ConfigFailure.FIX);
            }
            case LOADING -> retryWhileLoading(trigger);
            case CONNECTION -> LOG.debugf("CONFIG SET %s interrupted: %s", action.parameter(), failure.getMessage());
            case REJECTED -> onceLog.warn(action.parameter() + "|rejected|" + failure.getMessage(),
                    "Redis rejected CONFIG SET " + action.parameter() + " " + show(action.desired().value()) + ": "
                            + failure.getMessage() + " (from " + action.desired().origin() + ")");
        }
        return false;
    }

    private boolean reportOnly(ParameterAction action) {
        onceLog.info(action.parameter() + "|drift|" + action.actual().orElse(""), "Drift: " + action.parameter()
                + " is " + show(action.actual().orElse("")) + " in Redis, desired " + show(action.desired().value())
                + " (" + (state.mode() == EnforceMode.ENFORCE ? "CONFIG SET not permitted" : "report mode")
                + ": not changed)");
        return false;
    }

    private boolean blocked(ParameterAction action, Trigger trigger) {
        String reason = action.blockedReason().orElse("");
        if (reason.equals(SettingsDiff.LOADING)) {
            retryWhileLoading(trigger);
        } else {
            onceLog.warn(action.parameter() + "|" + reason, BlockedMessage.of(action.desired(),
                    action.actual().orElse(""), reason, holder.current().snapshot()));
        }
        return false;
    }

    // Redis answers while it loads its dataset, but used_memory is not final yet: try again shortly.
    private void retryWhileLoading(Trigger trigger) {
        if (schedule.retryLater(trigger)) {
            worker.schedule(poller::pollSoon, LOADING_RETRY);
        }
    }

    private void afterSets(List<ParameterAction> plan, InfoSnapshot snapshot) {
        learnSpellings(plan);
        if (!rewrite) {
            return;
        }
        if (snapshot.text("config_file").orElse("").isEmpty()) {
            onceLog.info("rewrite|no-file", "CONFIG REWRITE skipped: Redis runs without a config file");
            return;
        }
        try {
            redis.configRewrite();
        } catch (RedisFailure failure) {
            onceLog.warn("rewrite|" + failure.getMessage(), "CONFIG REWRITE failed: " + failure.getMessage());
        }
    }

    // Redis may report a value in its own spelling (e.g. reordered flags); remember it so it is not drift.
    private void learnSpellings(List<ParameterAction> plan) {
        List<String> set = plan.stream().filter(a -> a.kind() == ParameterAction.Kind.SET)
                .map(ParameterAction::parameter).toList();
        try {
            Map<String, String> now = redis.configGet(set);
            plan.stream().filter(a -> set.contains(a.parameter())).forEach(a -> {
                String reported = now.get(a.parameter());
                if (reported == null || reported.equals(a.desired().value())) {
                    return;
                }
                if (ParameterCatalog.sameUpToSpelling(a.desired().value(), reported)) {
                    spellings.put(a.parameter(), reported);
                } else {
                    onceLog.info(a.parameter() + "|spelling|" + reported, "Redis reports " + a.parameter() + " as "
                            + show(reported) + " right after it was set to " + show(a.desired().value())
                            + "; write it that way in the settings, or it is set again at every check");
                }
            });
        } catch (RedisFailure failure) {
            LOG.debugf("CONFIG GET after SET failed: %s", failure.getMessage());
        }
    }

    private void readFailed(RedisFailure failure, Trigger trigger) {
        ConfigFailure kind = ConfigFailure.of(failure);
        if (kind == ConfigFailure.DENIED) {
            state.available(false, Optional.of("CONFIG GET not permitted: " + failure.getMessage()));
            onceLog.warn("unavailable|get", "Cannot read Redis settings, so drift is neither reported nor fixed: "
                    + failure.getMessage() + ". " + ConfigFailure.FIX);
        } else if (kind == ConfigFailure.LOADING) {
            retryWhileLoading(trigger);
        } else {
            LOG.debugf("CONFIG GET failed: %s", failure.getMessage());
        }
    }

    private void readAllowed() {
        if (!state.available() && state.unavailableReason().filter(r -> r.startsWith("CONFIG GET")).isPresent()) {
            state.available(true, Optional.empty());
            onceLog.forget("unavailable");
        }
    }

    private void restored() {
        state.allInPlace(System.nanoTime()).ifPresent(seconds -> LOG.infof(
                "Settings in place %.0f ms after Redis came back and accepted the connection", seconds * 1000));
    }

    static String show(String value) {
        return value.isEmpty() ? "\"\"" : value;
    }
}
