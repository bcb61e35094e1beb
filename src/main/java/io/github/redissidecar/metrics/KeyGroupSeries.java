package io.github.redissidecar.metrics;

import io.github.redissidecar.keys.KeyGroupEstimate;
import io.github.redissidecar.keys.MemoryDoctor;
import io.github.redissidecar.keys.SamplerState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * The key sampler's {@code redis_sidecar_keygroup_*} series: estimated bytes and keys per group and database with
 * their standard errors, the share of each group's bytes without a TTL, and the sampler's health.
 */
public final class KeyGroupSeries {

    public static final String BYTES = "redis_sidecar_keygroup_memory_bytes";
    public static final String WITHOUT_TTL = "redis_sidecar_keygroup_without_ttl_ratio";

    private KeyGroupSeries() {
    }

    public static List<MetricFamily> of(SamplerState state, List<KeyGroupEstimate> estimates,
            Optional<String> policy) {
        List<MetricFamily> out = new ArrayList<>();
        if (!estimates.isEmpty() && policy.isPresent()) {
            List<String> found = MemoryDoctor.examine(policy.get(), estimates, state.known()).stream().map(MemoryDoctor.Finding::name)
                    .toList();
            out.add(new MetricFamily("redis_sidecar_memory_doctor_finding", "1 when the key samples contradict the "
                    + "eviction policy (volatile_policy_bytes_without_ttl: most bytes cannot be evicted; "
                    + "allkeys_largest_group_without_ttl: the largest group never expires; celery_queue_evictable, "
                    + "sessions_evictable: queued Celery tasks or Django sessions can be evicted; "
                    + "celery_results_never_expire: results without result_expires; cache_under_noeviction: cache "
                    + "writes fail when full); /status says it in words.", MetricType.GAUGE, MemoryDoctor.FINDINGS.stream()
                            .map(f -> Sample.of(found.contains(f) ? 1 : 0, "finding", f)).toList()));
        }
        out.add(perGroup(BYTES, "Estimated bytes of the keys of a group (keys in the database × mean sampled "
                + "MEMORY USAGE in the group); see the _stderr_ series for its uncertainty.", estimates,
                KeyGroupEstimate::bytes));
        out.add(perGroup("redis_sidecar_keygroup_memory_stderr_bytes", "Standard error of "
                + BYTES + ": the truth lies within ±2 of these 95 % of the time.", estimates,
                KeyGroupEstimate::bytesError));
        out.add(perGroup("redis_sidecar_keygroup_keys", "Estimated number of keys of a group.", estimates,
                KeyGroupEstimate::keys));
        out.add(perGroup("redis_sidecar_keygroup_keys_stderr", "Standard error of redis_sidecar_keygroup_keys.",
                estimates, KeyGroupEstimate::keysError));
        out.add(perGroup(WITHOUT_TTL, "Share of the group's sampled bytes in keys without a TTL (0 to 1): "
                + "never expire, and volatile-* policies cannot evict them.", estimates,
                KeyGroupEstimate::withoutTtlShare));
        out.addAll(health(state));
        return out;
    }

    private static List<MetricFamily> health(SamplerState state) {
        List<MetricFamily> out = new ArrayList<>();
        out.add(MetricFamily.gauge("redis_sidecar_keygroup_sampler_enabled", "1 while the key sampler runs, 0 when "
                + "it is off (SIDECAR_KEYS_ENABLED=false, or the ACL denies RANDOMKEY or MEMORY USAGE; see /status).",
                Sample.of(state.offReason().isPresent() ? 0 : 1)));
        out.add(MetricFamily.gauge("redis_sidecar_keygroup_sampler_paused", "1 while sampling waits: Redis "
                + "loading, or slower than SIDECAR_KEYS_MAX_LATENCY.", Sample.of(state.pausedReason().isPresent()
                        ? 1 : 0)));
        out.add(MetricFamily.gauge("redis_sidecar_keygroup_warming_up", "1 while the sampler warms up after a "
                + "start or a Redis restart (fast sampling, paced by SIDECAR_KEYS_WARM_UP_PERCENT), until every "
                + "database's window is full.", Sample.of(state.warmingUp() ? 1 : 0)));
        out.add(new MetricFamily("redis_sidecar_keygroup_samples_total", "Keys sampled since the sidecar started.",
                MetricType.COUNTER, List.of(Sample.of(state.taken()))));
        out.add(new MetricFamily("redis_sidecar_keygroup_long_names_skipped_total", "Key names drawn by sampling "
                + "that were longer than 1024 bytes: skipped, never grouped or sent back to Redis.", MetricType.COUNTER,
                List.of(Sample.of(state.longNamesSkipped()))));
        out.add(new MetricFamily("redis_sidecar_keygroup_window_samples", "Samples the estimates of a database "
                + "rest on (at most SIDECAR_KEYS_WINDOW).", MetricType.GAUGE, state.held().entrySet().stream()
                        .map(e -> Sample.of(e.getValue(), "db", "db" + e.getKey())).toList()));
        out.add(new MetricFamily("redis_sidecar_keygroup_sampler_errors_total", "Sampling batches that failed, by "
                + "reason; the last error is on /status.", MetricType.COUNTER, state.errors().entrySet().stream()
                        .map(e -> Sample.of(e.getValue(), "reason", e.getKey())).toList()));
        return out;
    }

    private static MetricFamily perGroup(String name, String help, List<KeyGroupEstimate> estimates,
            ToDoubleFunction<KeyGroupEstimate> value) {
        return new MetricFamily(name, help, MetricType.GAUGE, estimates.stream()
                .map(e -> Sample.of(value.applyAsDouble(e), "db", "db" + e.db(), "group", e.group())).toList());
    }
}
