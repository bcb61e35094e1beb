package io.github.redissidecar.metrics;

import io.github.redissidecar.info.InfoSnapshot;
import io.github.redissidecar.memory.MemoryLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/** Our own {@code redis_sidecar_*} series derived from a snapshot: limits, usage ratio, eviction policy. */
final class SidecarSeries {

    static final String CONTAINER_LIMIT = "redis_sidecar_container_memory_limit_bytes";
    static final String CONTAINER_USAGE = "redis_sidecar_container_memory_usage_bytes";
    static final String EFFECTIVE_LIMIT = "redis_sidecar_effective_memory_limit_bytes";
    static final String USAGE_RATIO = "redis_sidecar_memory_usage_ratio";
    static final String POLICY = "redis_sidecar_maxmemory_policy";
    static final String UNBOUNDED = "redis_sidecar_memory_unbounded";

    private SidecarSeries() {
    }

    static List<MetricFamily> containerLimit(OptionalLong containerLimit) {
        return containerLimit.isPresent()
                ? List.of(MetricFamily.gauge(CONTAINER_LIMIT,
                        "Memory limit of Redis's container in bytes, from SIDECAR_CONTAINER_MEMORY_LIMIT.",
                        Sample.of(containerLimit.getAsLong())))
                : List.of();
    }

    static List<MetricFamily> containerUsage(OptionalLong used) {
        return used.isPresent()
                ? List.of(MetricFamily.gauge(CONTAINER_USAGE, "Memory the kernel counts against the limit of "
                        + "Redis's container (usage less inactive page cache), in bytes, from the ECS task metadata's "
                        + "/task/stats. Absent off ECS.", Sample.of(used.getAsLong())))
                : List.of();
    }

    static List<MetricFamily> memory(InfoSnapshot info, OptionalLong containerLimit) {
        List<MetricFamily> out = new ArrayList<>();
        MemoryLimits limits = new MemoryLimits((long) info.number("maxmemory").orElse(0), containerLimit);
        limits.effective().ifPresent(limit -> out.add(MetricFamily.gauge(EFFECTIVE_LIMIT,
                "The limit Redis's memory really has: the smaller of maxmemory (when set) and the container limit "
                        + "(when known), in bytes. Absent when neither is known.",
                Sample.of(limit))));
        info.number("used_memory").ifPresent(used -> limits.usageRatio((long) used).ifPresent(ratio ->
                out.add(MetricFamily.gauge(USAGE_RATIO,
                        "used_memory / effective memory limit. Absent, never +Inf, when no limit is known.",
                        Sample.of(ratio)))));
        limits.unbounded().ifPresent(unbounded -> out.add(MetricFamily.gauge(UNBOUNDED, "1 when Redis has no "
                + "memory limit in its limited container (maxmemory 0, or above the container limit): it grows until "
                + "the kernel OOM-kills it. Absent when the container limit is unknown.",
                Sample.of(unbounded ? 1 : 0))));
        info.text("maxmemory_policy").ifPresent(policy -> out.add(MetricFamily.gauge(POLICY,
                "The maxmemory-policy in force, as a label; value 1.", Sample.of(1, "policy", policy))));
        return out;
    }
}
