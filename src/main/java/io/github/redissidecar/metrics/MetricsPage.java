package io.github.redissidecar.metrics;

import io.github.redissidecar.info.InfoSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The {@code redis_*} part of /metrics for one poll outcome. Rendered once per poll, not per scrape. When the last
 * poll failed, only {@code redis_up 0} and the series that do not come from INFO remain: no frozen stale values.
 */
public final class MetricsPage {

    private MetricsPage() {
    }

    /**
     * @param info the last good snapshot, empty when the last poll failed
     * @param polledAtEpochSeconds when {@code info} was read
     * @param databases the server's {@code databases} setting, 0 when unknown
     * @param lastSuccessEpochSeconds when a poll last succeeded, empty when none has
     */
    public static String render(Optional<InfoSnapshot> info, long polledAtEpochSeconds, int databases,
            OptionalLong containerLimit, OptionalLong lastSuccessEpochSeconds) {
        List<MetricFamily> families = new ArrayList<>();
        families.add(MetricFamily.gauge("redis_up", "1 when the last poll of Redis succeeded, 0 otherwise.",
                Sample.of(info.isPresent() ? 1 : 0)));
        families.addAll(SidecarSeries.containerLimit(containerLimit));
        lastSuccessEpochSeconds.ifPresent(t -> families.add(MetricFamily.gauge(
                "redis_sidecar_last_successful_poll_timestamp_seconds", "Unix time of the last successful poll.",
                Sample.of(t))));
        info.ifPresent(snapshot -> {
            families.addAll(InfoMetrics.families(snapshot, polledAtEpochSeconds, databases));
            families.addAll(SidecarSeries.memory(snapshot, containerLimit));
        });
        return PrometheusText.write(families);
    }
}
