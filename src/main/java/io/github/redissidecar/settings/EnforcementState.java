package io.github.redissidecar.settings;

import io.github.redissidecar.info.InfoSnapshot;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What the sidecar knows about its settings work: per-parameter status, availability, the last restart's outcome.
 * Written by the checks, read by /metrics and /status (the counters are Micrometer meters). Parameters that INFO reports are shown as the poll being served saw
 * them, so that /status, the drift series and {@code redis_config_maxmemory} never contradict each other.
 */
public final class EnforcementState {

    private volatile EnforceMode mode;
    private DesiredSettings desired;
    private final Map<String, ParameterStatus> parameters = new LinkedHashMap<>();
    private boolean available = true;
    private Optional<String> unavailableReason = Optional.empty();
    private OptionalDouble lastReassertEpochSeconds = OptionalDouble.empty();
    private long unprotectedSinceNanos = -1;
    private Optional<Boolean> lastRestartRestored = Optional.empty();
    private OptionalDouble lastRestartUnprotectedSeconds = OptionalDouble.empty();
    private Optional<String> refusal = Optional.empty();

    public EnforcementState(EnforceMode mode, DesiredSettings desired) {
        this.mode = mode;
        this.desired = desired;
        desired.all().forEach(d -> parameters.put(d.parameter(), ParameterStatus.unchecked(d)));
    }

    public EnforceMode mode() {
        return mode;
    }

    /**
     * New desired settings are in force: a parameter whose desired value is unchanged keeps its status, a changed
     * or new one is unchecked until the next check, a removed one is no longer shown.
     */
    public synchronized void replace(EnforceMode mode, DesiredSettings desired) {
        Map<String, ParameterStatus> next = new LinkedHashMap<>();
        for (DesiredSetting setting : desired.all()) {
            ParameterStatus earlier = parameters.get(setting.parameter());
            next.put(setting.parameter(), earlier != null && earlier.desired().value().equals(setting.value())
                    ? earlier.withDesired(setting) : ParameterStatus.unchecked(setting));
        }
        parameters.clear();
        parameters.putAll(next);
        this.desired = desired;
        this.mode = mode;
    }

    /** Why the settings sources as they read now are refused (the last good settings stay); empty if they are not. */
    public synchronized void refused(Optional<String> refusal) {
        this.refusal = refusal;
    }

    public synchronized Optional<String> refusal() {
        return refusal;
    }

    public synchronized void checked(List<ParameterAction> plan) {
        plan.forEach(a -> parameters.computeIfPresent(a.parameter(), (p, s) -> s.checked(a)));
    }

    public synchronized void applied(String parameter, String from, String to, Trigger trigger, Instant at) {
        parameters.computeIfPresent(parameter, (p, s) -> s.applied(from, to, trigger, at.toString()));
        lastReassertEpochSeconds = OptionalDouble.of(at.toEpochMilli() / 1000.0);
    }

    public synchronized void failed(String parameter, String reason, Instant at) {
        parameters.computeIfPresent(parameter, (p, s) -> s.failed(reason, at.toString()));
    }

    /** Whether the last check found every desired parameter at its desired value. */
    public synchronized boolean allInSync() {
        return parameters.values().stream().allMatch(s -> s.actual().isPresent() && !s.drift());
    }

    /** Redis came back without its settings; {@code sinceNanos} is when it accepted the sidecar's connection. */
    public synchronized void restartPending(long sinceNanos) {
        unprotectedSinceNanos = sinceNanos;
        lastRestartRestored = Optional.of(false);
        lastRestartUnprotectedSeconds = OptionalDouble.empty();
    }

    /** Every desired setting is in place; the seconds Redis ran without them, if a restart was pending. */
    public synchronized OptionalDouble allInPlace(long nowNanos) {
        if (unprotectedSinceNanos < 0) {
            return OptionalDouble.empty();
        }
        lastRestartUnprotectedSeconds = OptionalDouble.of((nowNanos - unprotectedSinceNanos) / 1e9);
        lastRestartRestored = Optional.of(true);
        unprotectedSinceNanos = -1;
        return lastRestartUnprotectedSeconds;
    }

    public synchronized void available(boolean available, Optional<String> reason) {
        this.available = available;
        this.unavailableReason = available ? Optional.empty() : reason;
    }

    public synchronized boolean available() {
        return available;
    }

    public synchronized Optional<String> unavailableReason() {
        return unavailableReason;
    }

    public synchronized OptionalDouble lastReassertEpochSeconds() {
        return lastReassertEpochSeconds;
    }

    /** Whether the settings are back since the latest restart; empty when no restart was seen. */
    public synchronized Optional<Boolean> lastRestartRestored() {
        return lastRestartRestored;
    }

    public synchronized OptionalDouble lastRestartUnprotectedSeconds() {
        return lastRestartUnprotectedSeconds;
    }

    /** Every parameter's status, with what {@code info} (the poll being served) reports overriding older checks. */
    public synchronized List<ParameterStatus> parameters(Optional<InfoSnapshot> info) {
        Map<String, String> seen = info.map(s -> InfoSettings.of(s, desired)).orElse(Map.of());
        return parameters.values().stream().map(s -> {
            String value = seen.get(s.desired().parameter());
            return value == null ? s : s.seenInInfo(value);
        }).toList();
    }
}
