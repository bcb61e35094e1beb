package io.github.redissidecar.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.redissidecar.testing.Eventually;
import io.github.redissidecar.testing.MetricsText;
import io.github.redissidecar.testing.RedisServer;
import io.github.redissidecar.testing.ServerUnderTest;
import io.github.redissidecar.testing.SidecarProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Seed 000's scale-out: a Redis Cluster of three masters on loopback, one sidecar per node, as the Helm chart runs
 * it (the sidecar in each pod, watching its own node). Each node gets the declared settings, also after a kill -9;
 * each sidecar samples its node's own keys, exports the node's CLUSTER INFO under redis_exporter's names and only
 * database 0; no node counts an error reply.
 */
@Tag(ServerUnderTest.MATRIX)
class ClusterNodesIT {

    private static final int SLOTS = 16384;

    @Test
    @Timeout(150)
    void everyNodeIsWatchedAndEnforcedByItsOwnSidecar() throws Exception {
        List<RedisServer> nodes = new ArrayList<>();
        List<SidecarProcess> sidecars = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                nodes.add(new RedisServer("--cluster-enabled", "yes", "--cluster-config-file", "{dir}/nodes.conf",
                        "--cluster-node-timeout", "2000").start());
            }
            for (int i = 0; i < 3; i++) {
                nodes.get(i).call("CLUSTER", "ADDSLOTSRANGE", Integer.toString(i * SLOTS / 3),
                        Integer.toString((i + 1) * SLOTS / 3 - 1));
            }
            for (RedisServer other : nodes.subList(1, 3)) {
                nodes.get(0).call("CLUSTER", "MEET", "127.0.0.1", Integer.toString(other.port()));
            }
            for (RedisServer node : nodes) {
                Eventually.within(Duration.ofSeconds(30), "cluster_state:ok on " + node.address(),
                        () -> node.call("CLUSTER", "INFO").contains("cluster_state:ok"));
                sidecars.add(SidecarProcess.start(Map.of("REDIS_ADDR", node.address(), "SIDECAR_SETTINGS",
                        "maxmemory 64mb\nmaxmemory-policy allkeys-lru", "SIDECAR_CONTAINER_MEMORY_LIMIT", "256mb",
                        "SIDECAR_KEYS_SAMPLES_PER_MINUTE", "6000", "SIDECAR_POLL_INTERVAL", "1s")));
            }
            write(nodes, 600);

            for (int i = 0; i < 3; i++) {
                RedisServer node = nodes.get(i);
                awaitSettings(node);
                String metrics = sidecars.get(i).awaitMetrics(t -> MetricsText.value(t,
                        "redis_sidecar_keygroup_samples_total").orElse(0) >= 16, "node " + i + " samples its keys");
                assertTrue(MetricsText.has(metrics, "redis_cluster_state 1"), metrics);
                assertTrue(MetricsText.has(metrics, "redis_cluster_slots_assigned 16384"), metrics);
                assertTrue(MetricsText.has(metrics, "redis_cluster_known_nodes 3"), metrics);
                assertTrue(MetricsText.has(metrics, "redis_cluster_size 3"), metrics);
                assertTrue(MetricsText.has(metrics, "redis_cluster_enabled 1"), metrics);
                assertTrue(metrics.contains("\nredis_cluster_messages_sent_total "), metrics);
                assertTrue(metrics.contains("redis_mode=\"cluster\""), metrics);
                assertTrue(MetricsText.has(metrics, "redis_db_keys{db=\"db0\"} " + node.call("DBSIZE")),
                        "its own keys only: " + metrics);
                assertFalse(metrics.contains("redis_db_keys{db=\"db1\"}"), "a Cluster node has database 0 only");
            }

            nodes.get(1).kill();
            nodes.get(1).start(); // nodes.conf keeps its identity: it rejoins the cluster
            awaitSettings(nodes.get(1));
            sidecars.get(1).awaitMetrics("redis_sidecar_restarts_detected_total 1");
            Eventually.within(Duration.ofSeconds(30), "the cluster is whole again",
                    () -> nodes.get(0).call("CLUSTER", "INFO").contains("cluster_state:ok"));
            for (RedisServer node : nodes) {
                assertEquals(List.of(), node.errorReplies(), "error replies on " + node.address());
            }
        } finally {
            for (SidecarProcess sidecar : sidecars) {
                sidecar.close();
            }
            for (RedisServer node : nodes) {
                node.close();
            }
        }
    }

    // Each key to the node that serves its slot (no MOVED replies, which would count as errors).
    private static void write(List<RedisServer> nodes, int keys) throws Exception {
        for (int i = 0; i < keys; i++) {
            String key = (i % 2 == 0 ? "celery-task-meta-" : "session:") + i;
            int slot = Integer.parseInt(nodes.get(0).call("CLUSTER", "KEYSLOT", key));
            int owner = 0;
            while (slot > (owner + 1) * SLOTS / 3 - 1) {
                owner++;
            }
            nodes.get(owner).call("SET", key, "x".repeat(200));
        }
    }

    private static void awaitSettings(RedisServer node) {
        Eventually.within(Duration.ofSeconds(10), "declared settings on " + node.address(),
                () -> "67108864".equals(node.config("maxmemory"))
                        && "allkeys-lru".equals(node.config("maxmemory-policy")));
    }
}
