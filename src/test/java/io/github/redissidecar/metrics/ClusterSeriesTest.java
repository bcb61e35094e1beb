package io.github.redissidecar.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.redissidecar.info.InfoParser;
import io.github.redissidecar.info.InfoSnapshot;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ClusterSeriesTest {

    // INFO's cluster section, then CLUSTER INFO as Redis 7.0 answers it, filed the way the poll appends it.
    private static final String NODE = "# Server\r\nredis_mode:cluster\r\n# Cluster\r\ncluster_enabled:1\r\n"
            + "# " + InfoParser.CLUSTER_INFO_SECTION + "\r\ncluster_state:fail\r\ncluster_slots_assigned:16384\r\n"
            + "cluster_slots_ok:10923\r\ncluster_slots_pfail:0\r\ncluster_slots_fail:5461\r\n"
            + "cluster_known_nodes:3\r\ncluster_size:3\r\ncluster_current_epoch:2\r\ncluster_my_epoch:0\r\n"
            + "cluster_stats_messages_ping_sent:1406\r\ncluster_stats_messages_sent:2812\r\n"
            + "cluster_stats_messages_received:2801\r\ntotal_cluster_links_buffer_limit_exceeded:0\r\n";

    @Test
    void clusterInfoUnderRedisExportersNamesWithTheStateAsANumber() {
        Map<String, Double> values = values(InfoParser.parse(NODE));
        assertEquals(0.0, values.get("redis_cluster_state"), "fail is 0");
        assertEquals(16384.0, values.get("redis_cluster_slots_assigned"));
        assertEquals(5461.0, values.get("redis_cluster_slots_fail"));
        assertEquals(3.0, values.get("redis_cluster_known_nodes"));
        assertEquals(2812.0, values.get("redis_cluster_messages_sent_total"));
        assertEquals(2801.0, values.get("redis_cluster_messages_received_total"));
        assertEquals(1406.0, values.get("redis_cluster_stats_messages_ping_sent"));
        assertTrue(!values.containsKey("redis_total_cluster_links_buffer_limit_exceeded"), "only cluster_* fields");
        assertEquals(1.0, values(InfoParser.parse(NODE.replace("cluster_state:fail", "cluster_state:ok")))
                .get("redis_cluster_state"));
    }

    @Test
    void aClusterNodeHasDatabaseZeroOnlyAndAStandaloneServerNoClusterSeries() {
        List<MetricFamily> cluster = InfoMetrics.families(InfoParser.parse(NODE), 0, 16);
        assertEquals(1, cluster.stream().filter(f -> f.name().equals("redis_db_keys")).findFirst().orElseThrow()
                .samples().size());
        List<MetricFamily> standalone = InfoMetrics.families(InfoParser.parse("# Cluster\r\ncluster_enabled:0\r\n"),
                0, 16);
        assertTrue(standalone.stream().noneMatch(f -> f.name().startsWith("redis_cluster_")
                && !f.name().equals("redis_cluster_enabled")), "no CLUSTER INFO series");
        assertEquals(16, standalone.stream().filter(f -> f.name().equals("redis_db_keys")).findFirst().orElseThrow()
                .samples().size());
    }

    private static Map<String, Double> values(InfoSnapshot info) {
        return ClusterSeries.of(info).stream().collect(Collectors.toMap(MetricFamily::name,
                f -> f.samples().get(0).value()));
    }
}
