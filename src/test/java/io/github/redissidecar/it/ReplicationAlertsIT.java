package io.github.redissidecar.it;

import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.redissidecar.testing.Eventually;
import io.github.redissidecar.testing.PrometheusServer;
import io.github.redissidecar.testing.RedisServer;
import io.github.redissidecar.testing.ServerUnderTest;
import io.github.redissidecar.testing.SidecarProcess;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The replication alerts in a real Prometheus with the shipped rules (times shortened as in
 * {@link AlertingEndToEndIT}): a replica whose sidecar declares another maxmemory than its master's, in a container
 * smaller than what its master may hold, fires RedisReplicaMaxmemoryMismatch and RedisReplicaOutgrowsContainer for
 * the replica only; the master killed, RedisReplicationLinkDown. The pair is found by master_replid, as Redis reports it.
 */
@Tag(ServerUnderTest.MATRIX)
class ReplicationAlertsIT {

    @Test
    @Timeout(150)
    void aReplicaThatWouldFailOverToAnotherLimitOrCannotHoldItsMasterAlertsAndSoDoesALostLink() throws Exception {
        Path dir = Files.createTempDirectory("replication-alerts");
        try (RedisServer master = new RedisServer().start();
                RedisServer replica = new RedisServer("--replicaof", "127.0.0.1",
                        Integer.toString(master.port())).start();
                SidecarProcess masterSidecar = sidecar(master, "64mb", "256mb");
                SidecarProcess replicaSidecar = sidecar(replica, "32mb", "64mb");
                PrometheusServer prometheus = prometheus(dir, masterSidecar, replicaSidecar)) {
            String on = "redis_address=\"" + replica.address() + "\"";
            awaitFiring(prometheus, "RedisReplicaMaxmemoryMismatch", on);
            awaitFiring(prometheus, "RedisReplicaOutgrowsContainer", on);
            String firing = alerts(prometheus, "ALERTS{alertstate=\"firing\",alertname=~\"RedisReplica.*\"}");
            assertFalse(firing.contains("\"redis_address\":\"" + master.address() + "\""),
                    "nothing about replication for the master: " + firing);
            master.kill();
            awaitFiring(prometheus, "RedisReplicationLinkDown", on);
        }
    }

    private static SidecarProcess sidecar(RedisServer redis, String maxmemory, String container) throws Exception {
        return SidecarProcess.start(Map.of("REDIS_ADDR", redis.address(), "SIDECAR_SETTINGS", "maxmemory "
                + maxmemory + "\nmaxmemory-policy allkeys-lru", "SIDECAR_CONTAINER_MEMORY_LIMIT", container));
    }

    private static PrometheusServer prometheus(Path dir, SidecarProcess... sidecars) throws Exception {
        AlertingEndToEndIT.writeShortenedRules(dir);
        String targets = Arrays.stream(sidecars).map(s -> "'127.0.0.1:" + s.port() + "'")
                .collect(Collectors.joining(", "));
        return PrometheusServer.start(dir, """
                global:
                  scrape_interval: 1s
                  evaluation_interval: 1s
                rule_files: [rules.yml]
                scrape_configs:
                  - job_name: any-name-the-user-chose
                    static_configs:
                      - targets: [%s]
                        labels: {namespace: shop}
                """.formatted(targets));
    }

    private static void awaitFiring(PrometheusServer prometheus, String alert, String labels) {
        Eventually.within(Duration.ofSeconds(60), Duration.ofMillis(500), alert + " firing for " + labels, () -> {
            String json = alerts(prometheus, "ALERTS{alertstate=\"firing\",alertname=\"" + alert + "\"}");
            String label = labels.replace("=\"", "\":\"");
            return json.contains("\"" + label);
        });
    }

    private static String alerts(PrometheusServer prometheus, String promql) throws Exception {
        return prometheus.get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
    }
}
