package io.github.redissidecar.enforce;

import io.github.redissidecar.info.InfoSnapshot;
import io.github.redissidecar.redis.RedisCommands;
import io.github.redissidecar.redis.RedisFailure;
import io.github.redissidecar.settings.LifeSettings;
import io.github.redissidecar.settings.ParameterAction;
import io.github.redissidecar.settings.ParameterCatalog;
import io.github.redissidecar.settings.SettingsDiff;
import io.github.redissidecar.settings.Trigger;
import io.github.redissidecar.settings.UnappliedSets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Takes a plan's actions in order: CONFIG SET what is to be set, and says what the others mean; then reads back what
 * was set (a set answered OK that Redis did not apply is held back, {@link UnappliedSets}, rather than sent again at
 * every poll), learns how Redis spells what it was given and, when asked to, CONFIG REWRITE. It decides nothing
 * ({@code SettingsPlanner} did); what it leaves for people goes through the {@link EnforcementReport}.
 */
final class SettingsApplier {

    /**
     * @param allInPlace every desired parameter has its value now
     * @param loading Redis was loading its dataset: the check must be taken again shortly
     * @param setDenied CONFIG SET is not permitted on this connection
     */
    record Result(boolean allInPlace, boolean loading, boolean setDenied) {
    }

    private final RedisCommands redis;
    private final EnforcementReport report;
    private final LifeSettings life;
    private final boolean rewrite;
    private final UnappliedSets unapplied;
    private final Map<String, String> spellings = new HashMap<>();

    SettingsApplier(RedisCommands redis, EnforcementReport report, LifeSettings life, boolean rewrite,
            UnappliedSets unapplied) {
        this.redis = redis;
        this.unapplied = unapplied;
        this.report = report;
        this.life = life;
        this.rewrite = rewrite;
    }

    /** Redis's own spelling of desired values it reported differently right after a set (e.g. reordered flags). */
    Map<String, String> spellings() {
        return spellings;
    }

    /** The desired value of {@code parameter} changed: how Redis spelt the old one no longer matters. */
    void forget(String parameter) {
        spellings.remove(parameter);
        unapplied.clear(parameter);
    }

    Result apply(List<ParameterAction> plan, Trigger trigger, InfoSnapshot snapshot) {
        boolean allInPlace = true;
        boolean loading = false;
        boolean denied = false;
        List<ParameterAction> answeredOk = new ArrayList<>();
        for (ParameterAction action : plan) {
            switch (action.kind()) {
                case IN_SYNC -> {
                    unapplied.clear(action.parameter());
                    life.inForce(action.parameter(), action.desired().value());
                    report.inSync(action);
                }
                case SET -> {
                    Optional<ConfigFailure> failure = set(action);
                    if (failure.isEmpty()) {
                        answeredOk.add(action);
                    }
                    loading |= failure.filter(f -> f == ConfigFailure.LOADING).isPresent();
                    denied |= failure.filter(f -> f == ConfigFailure.DENIED).isPresent();
                    allInPlace &= failure.isEmpty();
                }
                case REPORT -> {
                    report.reportOnly(action);
                    allInPlace = false;
                }
                case BLOCKED -> {
                    if (action.blockedReason().filter(SettingsDiff.LOADING::equals).isPresent()) {
                        loading = true;
                    } else {
                        report.blocked(action, Optional.of(snapshot));
                    }
                    allInPlace = false;
                }
            }
        }
        if (!answeredOk.isEmpty()) {
            allInPlace &= readBack(answeredOk, trigger);
            rewrite(snapshot);
        }
        return new Result(allInPlace, loading, denied);
    }

    private Optional<ConfigFailure> set(ParameterAction action) {
        try {
            redis.configSet(action.parameter(), action.desired().value());
        } catch (RedisFailure failure) {
            ConfigFailure kind = ConfigFailure.of(failure);
            report.setFailed(action, failure, kind);
            return Optional.of(kind);
        }
        return Optional.empty();
    }

    private void rewrite(InfoSnapshot snapshot) {
        if (!rewrite) {
            return;
        }
        if (snapshot.text("config_file").orElse("").isEmpty()) {
            report.rewriteSkipped();
            return;
        }
        try {
            redis.configRewrite();
        } catch (RedisFailure failure) {
            report.rewriteFailed(failure);
        }
    }

    /**
     * CONFIG GET of what was just set: a value Redis reports in its own spelling (e.g. reordered flags) is
     * remembered so it is not drift; one it does not report at all was not applied, however OK the answer. The sets
     * are reported here, once known to have taken. Whether all that was set took.
     */
    private boolean readBack(List<ParameterAction> set, Trigger trigger) {
        Map<String, String> now;
        try {
            now = redis.configGet(set.stream().map(ParameterAction::parameter).toList());
        } catch (RedisFailure failure) {
            report.debug("CONFIG GET after SET failed: " + failure.getMessage());
            now = Map.of(); // the sets were answered OK: taken as applied
        }
        boolean allTook = true;
        for (ParameterAction action : set) {
            String reported = now.get(action.parameter());
            String desired = action.desired().value();
            if (reported != null && !reported.equals(desired) && !ParameterCatalog.sameUpToSpelling(desired,
                    reported)) {
                unapplied.notApplied(action.parameter(), System.nanoTime());
                report.notApplied(action, reported);
                allTook = false;
                continue;
            }
            if (reported != null && !reported.equals(desired)) {
                spellings.put(action.parameter(), reported);
            }
            unapplied.clear(action.parameter());
            life.inForce(action.parameter(), desired);
            report.applied(action, trigger);
        }
        return allTook;
    }
}
