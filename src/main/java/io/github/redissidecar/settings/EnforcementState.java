package io.github.redissidecar.settings;

import io.github.redissidecar.info.InfoSnapshot;
import io.github.redissidecar.metrics.MetricFamily;
import io.github.redissidecar.metrics.MetricType;
import io.github.redissidecar.metrics.Sample;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * Everything the sidecar knows about its settings work: per-parameter status, counters and timestamps. Written by
 * the checks, read by /metrics and /status. Parameters that INFO reports are shown as the poll being served saw
 * them, so that /status, the drift series and {@code redis_config_maxmemory} never contradict each other.
 */
public final class EnforcementState {

    private final EnforceMode mode;
    private final DesiredSettings desired;
    private final Map<String, ParameterStatus> parameters = new LinkedHashMap<>();
    private final Map<List<String>, Long> reasserts = new TreeMap<>(EnforcementState::compareLabels);
    private final Map<List<String>, Long> failures = new TreeMap<>(EnforcementState::compareLabels);
    private boolean available = true;
    private Optional<String> unavailableReason = Optional.empty();
    private OptionalDouble lastReassertEpochSeconds = OptionalDouble.empty();
    private long unprotectedSinceNanos = -1;
    private Optional<Boolean> lastRestartRestored = Optional.empty();
    private OptionalDouble lastRestartUnprotectedSeconds = OptionalDouble.empty();

    public EnforcementState(EnforceMode mode, DesiredSettings desired) {
        this.mode = mode;
        this.desired = desired;
        desired.all().forEach(d -> parameters.put(d.parameter(), ParameterStatus.unchecked(d)));
    }

    public EnforceMode mode() {
        return mode;
    }

    public synchronized void checked(List<ParameterAction> plan) {
        plan.forEach(a -> parameters.computeIfPresent(a.parameter(), (p, s) -> s.checked(a)));
    }

    public synchronized void applied(String parameter, String from, String to, Trigger trigger, Instant at) {
        parameters.computeIfPresent(parameter, (p, s) -> s.applied(from, to, trigger, at.toString()));
        reasserts.merge(List.of(parameter, trigger.label()), 1L, Long::sum);
        lastReassertEpochSeconds = OptionalDouble.of(at.toEpochMilli() / 1000.0);
    }

    public synchronized void failed(String parameter, String reason, Instant at) {
        parameters.computeIfPresent(parameter, (p, s) -> s.failed(reason, at.toString()));
        failures.merge(List.of(parameter, reason), 1L, Long::sum);
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

    /** The {@code redis_sidecar_*} series of settings enforcement; only the mode when it is off. */
    public synchronized List<MetricFamily> families(Optional<InfoSnapshot> info) {
        List<MetricFamily> out = new ArrayList<>();
        out.add(gauge("redis_sidecar_enforcement_mode", "The configured SIDECAR_ENFORCE mode as a label; value 1.",
                List.of(Sample.of(1, "mode", mode.label()))));
        if (mode == EnforceMode.OFF) {
            return out;
        }
        List<ParameterStatus> statuses = parameters(info);
        out.add(gauge("redis_sidecar_config_drift", "1 when the parameter's value in Redis differs from the "
                + "desired one, as of the latest poll (maxmemory, maxmemory-policy) or check (others).",
                statuses.stream().map(s -> Sample.of(s.drift() ? 1 : 0, "parameter", s.desired().parameter()))
                        .toList()));
        out.add(gauge("redis_sidecar_enforcement_blocked", "1 while a differing parameter is deliberately not set "
                + "because setting it could lose data or is not possible.", statuses.stream()
                .filter(s -> s.drift() && s.blockedReason().isPresent())
                .map(s -> Sample.of(1, "parameter", s.desired().parameter(), "reason", s.blockedReason().get()))
                .toList()));
        out.add(gauge("redis_sidecar_enforcement_available", "1 when the sidecar may set parameters (mode enforce "
                + "and CONFIG SET permitted), 0 when it can only report.",
                List.of(Sample.of(mode == EnforceMode.ENFORCE && available ? 1 : 0))));
        out.add(counter("redis_sidecar_config_reasserts_total", "Parameters set back to the desired value, by "
                + "trigger (startup, restart, drift).", labelled(reasserts, "parameter", "trigger")));
        out.add(counter("redis_sidecar_config_reassert_failures_total", "CONFIG SET attempts that failed, by "
                + "reason.", labelled(failures, "parameter", "reason")));
        lastReassertEpochSeconds.ifPresent(t -> out.add(gauge("redis_sidecar_last_reassert_timestamp_seconds",
                "Unix time a parameter was last set back.", List.of(Sample.of(t)))));
        lastRestartRestored.ifPresent(back -> out.add(gauge("redis_sidecar_last_restart_settings_restored",
                "1 when every desired setting is back since Redis last came back without them (a restart, or a "
                        + "Redis started with the sidecar), 0 while some are not.", List.of(Sample.of(back ? 1 : 0)))));
        lastRestartUnprotectedSeconds.ifPresent(s -> out.add(gauge(
                "redis_sidecar_last_restart_unprotected_seconds", "After Redis last came back without its "
                        + "settings: seconds from it accepting the sidecar's connection to every desired setting "
                        + "being back. Absent while they are not all back.", List.of(Sample.of(s)))));
        return out;
    }

    private static List<Sample> labelled(Map<List<String>, Long> counts, String first, String second) {
        return counts.entrySet().stream().map(e -> Sample.of(e.getValue(), first, e.getKey().get(0), second,
                e.getKey().get(1))).toList();
    }

    private static MetricFamily gauge(String name, String help, List<Sample> samples) {
        return new MetricFamily(name, help, MetricType.GAUGE, samples);
    }

    private static MetricFamily counter(String name, String help, List<Sample> samples) {
        return new MetricFamily(name, help, MetricType.COUNTER, samples);
    }

    private static int compareLabels(List<String> a, List<String> b) {
        int first = a.get(0).compareTo(b.get(0));
        return first != 0 ? first : a.get(1).compareTo(b.get(1));
    }
}
