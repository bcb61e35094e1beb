package io.github.redissidecar.metrics;

import io.github.redissidecar.info.InfoSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The part of /metrics that one poll determines: redis_exporter's {@code redis_*} families and the sidecar's
 * series derived from the same INFO. When the poll failed, only {@code redis_up 0}, why it failed, and the series
 * that do not come from INFO remain: no frozen stale values.
 */
public final class MetricsPage {

    private MetricsPage() {
    }

    /**
     * @param info the snapshot, empty when the poll failed
     * @param polledAtEpochMillis when {@code info} was read
     * @param databases the server's {@code databases} setting, 0 when unknown
     * @param lastSuccessEpochMillis when a poll last succeeded, empty when none has
     * @param failing the reason the poll failed, empty when it succeeded
     * @param reasons every failure reason, so that each has its series (at 0 or 1)
     */
    public static List<MetricFamily> families(Optional<InfoSnapshot> info, long polledAtEpochMillis, int databases,
            OptionalLong containerLimit, OptionalLong lastSuccessEpochMillis, Optional<String> failing,
            List<String> reasons) {
        List<MetricFamily> families = new ArrayList<>();
        families.add(MetricFamily.gauge("redis_up", "1 when the last poll of Redis succeeded, 0 otherwise.",
                Sample.of(info.isPresent() ? 1 : 0)));
        families.add(new MetricFamily("redis_sidecar_poll_failing", "1 for the reason the latest poll failed "
                + "(connect, timeout and loading: Redis unreachable or busy; auth, permission, tls, protocol: the "
                + "sidecar is refused or misconfigured), 0 for the others; all 0 after a good poll.",
                MetricType.GAUGE, reasons.stream().map(r -> Sample.of(failing.filter(r::equals).isPresent() ? 1 : 0,
                        "reason", r)).toList()));
        families.addAll(SidecarSeries.containerLimit(containerLimit));
        lastSuccessEpochMillis.ifPresent(t -> families.add(MetricFamily.gauge(
                "redis_sidecar_last_successful_poll_timestamp_seconds", "Unix time of the last successful poll (when "
                        + "its INFO was sent), to the millisecond.",
                Sample.of(t / 1000.0))));
        info.ifPresent(snapshot -> {
            families.addAll(InfoMetrics.families(snapshot, polledAtEpochMillis / 1000, databases));
            families.addAll(SidecarSeries.memory(snapshot, containerLimit));
        });
        return families;
    }

    /** {@code redis_sidecar_container_memory_usage_bytes}, when the container's usage is known. */
    public static List<MetricFamily> containerUsage(OptionalLong used) {
        return SidecarSeries.containerUsage(used);
    }
}
