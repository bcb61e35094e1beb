package io.github.redissidecar.metrics;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * The sidecar's own poll meters: how many polls, how long they took, why they failed, and how many Redis
 * restarts they showed. Kept here rather than in
 * a metrics library because two meters do not justify loading one (memory and start-up time are the product).
 */
public final class PollStats {

    static final String DURATION = "redis_sidecar_poll_duration_seconds";
    static final String ERRORS = "redis_sidecar_poll_errors_total";
    static final String RESTARTS = "redis_sidecar_restarts_detected_total";
    static final String FAILING = "redis_sidecar_poll_failing";

    private final LongAdder count = new LongAdder();
    private final DoubleAdder seconds = new DoubleAdder();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final LongAdder restarts = new LongAdder();
    private volatile String failingReason;
    private final List<String> reasons;

    /** @param reasons every failure reason label, so that each series exists (at 0) from the start */
    public PollStats(List<String> reasons) {
        this.reasons = List.copyOf(reasons);
        reasons.forEach(r -> errors.put(r, new LongAdder()));
    }

    public void polled(long nanos) {
        count.increment();
        seconds.add(nanos / 1e9);
    }

    public void failed(String reason) {
        errors.computeIfAbsent(reason, r -> new LongAdder()).increment();
        failingReason = reason;
    }

    public void succeeded() {
        failingReason = null;
    }

    /** A poll showed a new server life. */
    public void restarted() {
        restarts.increment();
    }

    public long restarts() {
        return restarts.sum();
    }

    public List<MetricFamily> families() {
        MetricFamily duration = new MetricFamily(DURATION, "Time one poll of Redis took, INFO round trip and "
                + "parsing included.", MetricType.SUMMARY, List.of(Sample.suffixed("_count", count.sum()),
                        Sample.suffixed("_sum", seconds.sum())));
        MetricFamily failures = new MetricFamily(ERRORS, "Failed polls by reason (connect, auth, timeout, tls, "
                + "permission, loading, protocol).", MetricType.COUNTER, reasons.stream()
                        .map(r -> Sample.of(errors.get(r).sum(), "reason", r)).toList());
        MetricFamily restarted = new MetricFamily(RESTARTS, "Redis restarts seen (a new run_id, or uptime going "
                + "backwards), with or without desired settings.", MetricType.COUNTER,
                List.of(Sample.of(restarts.sum())));
        String failing = failingReason;
        MetricFamily reason = new MetricFamily(FAILING, "1 for the reason the latest poll failed (connect, timeout "
                + "and loading: Redis unreachable or busy; auth, permission, tls, protocol: the sidecar is refused or "
                + "misconfigured), 0 for the others; all 0 after a good poll.", MetricType.GAUGE, reasons.stream()
                .map(r -> Sample.of(r.equals(failing) ? 1 : 0, "reason", r)).toList());
        return List.of(duration, failures, restarted, reason);
    }
}
