package io.github.redissidecar.metrics;

import io.github.redissidecar.info.InfoParser;
import io.github.redissidecar.info.InfoSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * A Cluster node's CLUSTER INFO as redis_exporter writes it: every {@code cluster_*} field as the gauge
 * {@code redis_<field>}, {@code ok} as 1 and {@code fail} as 0 ({@code redis_cluster_state}), the two message
 * totals under the exporter's names. Nothing on a node without cluster mode, where the poll reads no CLUSTER INFO.
 */
final class ClusterSeries {

    private static final Map<String, String> RENAMED = Map.of(
            "cluster_stats_messages_sent", "redis_cluster_messages_sent_total",
            "cluster_stats_messages_received", "redis_cluster_messages_received_total");
    private static final Map<String, String> HELP = Map.of(
            "redis_cluster_state", "1 when the node's view of the cluster is ok: every slot is served.",
            "redis_cluster_slots_assigned", "Slots assigned to a node.",
            "redis_cluster_slots_fail", "Slots served by a node that is failing.",
            "redis_cluster_known_nodes", "Nodes the node knows, itself included.",
            "redis_cluster_size", "Masters serving at least one slot.");

    private ClusterSeries() {
    }

    static List<MetricFamily> of(InfoSnapshot info) {
        List<MetricFamily> out = new ArrayList<>();
        info.fields().forEach((field, value) -> {
            if (field.startsWith("cluster_")
                    && InfoParser.CLUSTER_INFO_SECTION.equals(info.sectionOf(field).orElse(""))) {
                OptionalDouble v = Conversion.VALUE.apply(value);
                if (v.isPresent()) {
                    String name = RENAMED.getOrDefault(field, "redis_" + field);
                    out.add(MetricFamily.gauge(name, HELP.getOrDefault(name, "CLUSTER INFO " + field + "."),
                            Sample.of(v.getAsDouble())));
                }
            }
        });
        return out;
    }
}
