package io.github.redissidecar.enforce;

import io.github.redissidecar.info.InfoSnapshot;
import io.github.redissidecar.redis.RedisFailure;
import io.github.redissidecar.settings.EnforceMode;
import io.github.redissidecar.settings.EnforcementState;
import io.github.redissidecar.settings.ParameterAction;
import io.github.redissidecar.settings.SettingsDiff;
import io.github.redissidecar.settings.Trigger;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the settings checks leave behind for people: the state /status and /metrics show, the sidecar's counters,
 * and log lines, each condition logged once until it clears. A value changed by someone else is a warning; putting
 * settings back after a restart is not.
 */
final class EnforcementReport {

    private static final System.Logger LOG = System.getLogger(Enforcer.class.getName());

    private final EnforcementState state;
    private final EnforcementMeters meters;
    private final OnceLog onceLog = new OnceLog(LOG);

    EnforcementReport(EnforcementState state, EnforcementMeters meters) {
        this.state = state;
        this.meters = meters;
    }

    EnforcementState state() {
        return state;
    }

    void info(String message) {
        LOG.log(Level.INFO, message);
    }

    void debug(String message) {
        LOG.log(Level.DEBUG, message);
    }

    /** What was learnt about these parameters no longer applies (their desired value changed). */
    void forget(String parameter) {
        onceLog.forget(parameter);
    }

    void inSync(ParameterAction action) {
        onceLog.forget(action.parameter());
    }

    void applied(ParameterAction action, Trigger trigger) {
        String parameter = action.parameter();
        String from = action.actual().orElse("");
        String to = action.desired().value();
        state.applied(parameter, from, to, trigger, Instant.now());
        meters.reasserted(parameter, trigger.label());
        state.available(true, Optional.empty());
        onceLog.forget(parameter);
        onceLog.forget("unavailable");
        LOG.log(trigger == Trigger.DRIFT ? Level.WARNING : Level.INFO, String.format("Set %s %s -> %s (%s%s)",
                parameter, show(from), show(to), trigger == Trigger.DRIFT ? "drift: it was changed in Redis"
                        : trigger.label(), action.desired().written().equals(to) ? ""
                        : "; desired " + action.desired().written()));
    }

    void setFailed(ParameterAction action, RedisFailure failure, ConfigFailure kind) {
        state.failed(action.parameter(), kind.label(), Instant.now());
        meters.reassertFailed(action.parameter(), kind.label());
        switch (kind) {
            case DENIED -> {
                state.available(false, Optional.of("CONFIG SET not permitted: " + failure.getMessage()));
                onceLog.warn("unavailable|set", "Cannot set Redis settings, reporting drift only: "
                        + failure.getMessage() + ". " + ConfigFailure.FIX);
            }
            case CONNECTION -> debug("CONFIG SET " + action.parameter() + " interrupted: " + failure.getMessage());
            case REJECTED -> onceLog.warn(action.parameter() + "|rejected|" + failure.getMessage(), "Redis rejected "
                    + "CONFIG SET " + action.parameter() + " " + show(action.desired().value()) + ": "
                    + failure.getMessage() + " (from " + action.desired().origin() + ")");
            case LOADING -> {
                // Retried shortly; nothing to say yet.
            }
        }
    }

    /** A set answered OK that Redis did not apply: one line, counted, shown as held back until it sticks. */
    void notApplied(ParameterAction action, String reported) {
        ParameterAction held = ParameterAction.notApplied(action.desired(), reported);
        state.checked(List.of(held));
        meters.reassertFailed(action.parameter(), SettingsDiff.NOT_APPLIED);
        blocked(held, Optional.empty());
    }

    void reportOnly(ParameterAction action) {
        onceLog.info(action.parameter() + "|drift|" + action.actual().orElse(""), "Drift: " + action.parameter()
                + " is " + show(action.actual().orElse("")) + " in Redis, desired " + show(action.desired().value())
                + " (" + (state.mode() == EnforceMode.ENFORCE ? "CONFIG SET not permitted" : "report mode")
                + ": not changed)");
    }

    void blocked(ParameterAction action, Optional<InfoSnapshot> info) {
        String reason = action.blockedReason().orElse("");
        onceLog.warn(action.parameter() + "|" + reason, BlockedMessage.of(action.desired(), action.actual()
                .orElse(""), reason, info));
    }

    void readFailed(RedisFailure failure, ConfigFailure kind) {
        if (kind == ConfigFailure.DENIED) {
            state.available(false, Optional.of("CONFIG GET not permitted: " + failure.getMessage()));
            onceLog.warn("unavailable|get", "Cannot read Redis settings, so drift is neither reported nor fixed: "
                    + failure.getMessage() + ". " + ConfigFailure.FIX);
        } else if (kind != ConfigFailure.LOADING) {
            debug("CONFIG GET failed: " + failure.getMessage());
        }
    }

    void readAllowed() {
        if (!state.available() && state.unavailableReason().filter(r -> r.startsWith("CONFIG GET")).isPresent()) {
            state.available(true, Optional.empty());
            onceLog.forget("unavailable");
        }
    }

    void rewriteSkipped() {
        onceLog.info("rewrite|no-file", "CONFIG REWRITE skipped: Redis runs without a config file");
    }

    void rewriteFailed(RedisFailure failure) {
        onceLog.warn("rewrite|" + failure.getMessage(), "CONFIG REWRITE failed: " + failure.getMessage());
    }

    void restored() {
        state.allInPlace(System.nanoTime()).ifPresent(seconds -> info(String.format(
                "Settings in place %.0f ms after Redis came back and accepted the connection", seconds * 1000)));
    }

    static String show(String value) {
        return value.isEmpty() ? "\"\"" : value;
    }
}
