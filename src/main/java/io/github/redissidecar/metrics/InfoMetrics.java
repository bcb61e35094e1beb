package io.github.redissidecar.metrics;

import io.github.redissidecar.info.InfoSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/** Turns one INFO snapshot into the redis_exporter-compatible families. Pure; called once per poll. */
public final class InfoMetrics {

    private InfoMetrics() {
    }

    /**
     * @param polledAtEpochSeconds when the INFO was read, for {@code redis_start_time_seconds}
     * @param databases the server's {@code databases} setting, or 0 when unknown
     */
    public static List<MetricFamily> families(InfoSnapshot info, long polledAtEpochSeconds, int databases) {
        List<MetricFamily> out = new ArrayList<>();
        for (InfoField row : InfoFieldTable.FIELDS) {
            info.text(row.field()).map(row.conversion()::apply).filter(OptionalDouble::isPresent)
                    .ifPresent(v -> out.add(new MetricFamily(row.name(), row.help(), row.type(),
                            List.of(Sample.of(v.getAsDouble())))));
        }
        info.number("uptime_in_seconds").ifPresent(uptime -> out.add(MetricFamily.gauge("redis_start_time_seconds",
                "Start time of the Redis instance since unix epoch in seconds.",
                Sample.of(polledAtEpochSeconds - uptime))));
        out.add(LabelledSeries.instanceInfo(info));
        // A Cluster node has database 0 only, whatever CONFIG GET databases says (redis_exporter pads just db0 too).
        boolean cluster = info.number("cluster_enabled").orElse(0) == 1;
        out.addAll(LabelledSeries.keyspace(info, cluster ? Math.min(databases, 1) : databases));
        out.addAll(LabelledSeries.commands(info));
        out.addAll(LabelledSeries.errors(info));
        out.addAll(LabelledSeries.replicas(info));
        out.addAll(LabelledSeries.master(info));
        out.addAll(ClusterSeries.of(info));
        return out;
    }
}
