package io.github.redissidecar.enforce;

import io.github.redissidecar.info.InfoSnapshot;
import io.github.redissidecar.poll.Polled;
import io.github.redissidecar.poll.Poller;
import io.github.redissidecar.poll.RedisWorker;
import io.github.redissidecar.redis.RedisCommands;
import io.github.redissidecar.redis.RedisFailure;
import io.github.redissidecar.settings.CheckSchedule;
import io.github.redissidecar.settings.DesiredSettings;
import io.github.redissidecar.settings.EnforceMode;
import io.github.redissidecar.settings.EnforcementState;
import io.github.redissidecar.settings.InfoSettings;
import io.github.redissidecar.settings.LifeSettings;
import io.github.redissidecar.settings.ParameterAction;
import io.github.redissidecar.settings.ServerLives;
import io.github.redissidecar.settings.SettingsPlanner;
import io.github.redissidecar.settings.Trigger;
import io.github.redissidecar.settings.UnappliedSets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Keeps Redis's settings at the desired values, right after polls, on the Redis thread, so that every decision
 * rests on an INFO read a moment ago. When a check is due is {@link CheckSchedule}'s business, what counts as a
 * restore {@link LifeSettings}', what to do {@link SettingsPlanner}'s; a check here is: CONFIG GET, the plan, a poll
 * asked for (before any set, so that no scrape is served the poll from before them), and the {@link SettingsApplier}
 * taking the plan. The drift deadline keeps its own clock: the settings are looked at (a poll, plus CONFIG GET for
 * what INFO does not report) at least every SIDECAR_DRIFT_CHECK_INTERVAL, whatever the scrapes do.
 */
public final class Enforcer {

    private static final Duration LOADING_RETRY = Duration.ofMillis(50);

    private final RedisCommands redis;
    private final RedisWorker worker;
    private final Poller poller;
    private final ConfiguredSettings configured;
    private final EnforcementReport report;
    private final SettingsApplier applier;
    private final Duration adoptAfter;
    private final Duration driftInterval;
    private final RedisWorker.Deadline drift;
    private final CheckSchedule schedule = new CheckSchedule();
    private final LifeSettings life = new LifeSettings();
    private final UnappliedSets unapplied = new UnappliedSets();
    private boolean driftDue;

    /**
     * @param rewrite CONFIG REWRITE after a successful set, when Redis runs with a config file
     * @param adoptAfter SIDECAR_ADOPT_AFTER, for the log line of an adopted Redis
     * @param driftInterval SIDECAR_DRIFT_CHECK_INTERVAL
     */
    public Enforcer(RedisCommands redis, RedisWorker worker, Poller poller, ConfiguredSettings configured,
            EnforcementMeters meters, boolean rewrite, Duration adoptAfter, Duration driftInterval) {
        this.redis = redis;
        this.worker = worker;
        this.poller = poller;
        this.configured = configured;
        this.report = new EnforcementReport(configured.state(), meters);
        this.applier = new SettingsApplier(redis, report, life, rewrite, unapplied);
        this.adoptAfter = adoptAfter;
        this.driftInterval = driftInterval;
        this.drift = worker.deadline(this::driftDue);
    }

    /** Listens to every poll (even without settings: a watched settings file may gain some); starts the deadline. */
    public void start() {
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
                applier.forget(parameter);
                report.forget(parameter);
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
        if (info.isEmpty() || !mayWrite()) {
            return false;
        }
        DesiredSettings visible = configured.desired().only(info.keySet());
        return plan(visible, info, snapshot).stream().anyMatch(a -> a.kind() == ParameterAction.Kind.SET);
    }

    private void lifeBegins(Polled polled) {
        long uptime = (long) polled.snapshot().number("uptime_in_seconds").orElse(0);
        boolean hasMaxmemory = polled.snapshot().number("maxmemory").orElse(0) != 0;
        switch (life.begin(polled.event(), hasMaxmemory, configured.desired())) {
            case RESTARTED -> configured.state().restartPending(polled.connectedAtNanos());
            case CAME_BACK -> {
                report.info(String.format("Redis at %s has been up %d s, within SIDECAR_ADOPT_AFTER of the "
                        + "sidecar's start, and has no maxmemory: treated as restarted, its settings are put back",
                        redis.address(), uptime));
                // It has run without them since it started, not since it accepted the sidecar.
                configured.state().restartPending(Math.min(polled.connectedAtNanos(), System.nanoTime()
                        - TimeUnit.SECONDS.toNanos(uptime)));
            }
            case ADOPTED_OLD -> report.info(String.format("Redis at %s has been up %d s, longer than the sidecar "
                    + "plus SIDECAR_ADOPT_AFTER (%d s): adopted, so a maxmemory below the one it runs with waits "
                    + "until it is safe", redis.address(), uptime, adoptAfter.toSeconds()));
            case ADOPTED_YOUNG, SAME -> {
                // Nothing to say.
            }
        }
    }

    private void check(InfoSnapshot snapshot, Trigger trigger) {
        long connection = redis.connection().number();
        schedule.checking(connection);
        DesiredSettings desired = configured.desired();
        Map<String, String> actual;
        try {
            actual = redis.configGet(desired.parameters());
        } catch (RedisFailure failure) {
            ConfigFailure kind = ConfigFailure.of(failure);
            report.readFailed(failure, kind);
            if (kind == ConfigFailure.LOADING) {
                retryWhileLoading(trigger);
            }
            return;
        }
        report.readAllowed();
        List<ParameterAction> plan = plan(desired, actual, snapshot);
        configured.state().checked(plan);
        if (plan.stream().anyMatch(a -> a.kind() == ParameterAction.Kind.SET)) {
            poller.pollSoon(); // before the sets: a scrape meanwhile waits for what they did, not the poll before
        }
        SettingsApplier.Result result = applier.apply(plan, trigger, snapshot);
        if (result.setDenied()) {
            schedule.setDenied(connection);
        }
        if (result.loading()) {
            retryWhileLoading(trigger);
        }
        if (result.allInPlace()) {
            report.restored();
        }
    }

    private List<ParameterAction> plan(DesiredSettings desired, Map<String, String> actual, InfoSnapshot snapshot) {
        return SettingsPlanner.plan(desired, actual, applier.spellings(), SettingsPlanner.facts(snapshot,
                configured.desired(), life.restores(configured.desired())), configured.policy(), mayWrite(),
                unapplied.heldBack(System.nanoTime()));
    }

    private boolean mayWrite() {
        EnforcementState state = configured.state();
        return state.mode() == EnforceMode.ENFORCE && schedule.setAllowed(redis.connection().number());
    }

    // Redis answers while it loads its dataset, but used_memory is not final yet: try again shortly.
    private void retryWhileLoading(Trigger trigger) {
        if (schedule.retryLater(trigger)) {
            worker.schedule(poller::pollSoon, LOADING_RETRY);
        }
    }
}
