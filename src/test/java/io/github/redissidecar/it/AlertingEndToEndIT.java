package io.github.redissidecar.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.redissidecar.testing.BackgroundProcess;
import io.github.redissidecar.testing.RedisServer;
import io.github.redissidecar.testing.RespClient;
import io.github.redissidecar.testing.SidecarProcess;
import io.github.redissidecar.testing.WebhookReceiver;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Real components end to end: redis-server, the packaged sidecar, Prometheus with the shipped rules and
 * Alertmanager with the shipped routing, notifying a webhook inside the test.
 *
 * <p>To fit in about a minute, the test derives copies of the two files with shorter times and changes nothing
 * else: every {@code for:} becomes 3s, {@code keep_firing_for: 5m} becomes 2m, the rate windows [5m], [10m],
 * [30m] and [1h] become [20s], [1m], [1m] and [3m], the webhook URLs point at the test, and group_wait and
 * group_interval become 1s.
 */
class AlertingEndToEndIT {

    @Test
    void evictionsReachTheWebhookAndRedisDownInhibitsTheMemoryAlerts() throws Exception {
        Path dir = Files.createTempDirectory("alerting-e2e");
        try (RedisServer redis = new RedisServer().start();
                WebhookReceiver webhook = new WebhookReceiver();
                SidecarProcess sidecar = SidecarProcess.start(Map.of("REDIS_ADDR", redis.address(),
                        "SIDECAR_SETTINGS", "maxmemory 4mb\nmaxmemory-policy allkeys-lru",
                        "SIDECAR_HOST_OVERCOMMIT_MEMORY_FILE", Path.of("src/test/resources/host/overcommit_memory")
                                .toAbsolutePath().toString()));
                BackgroundProcess alertmanager = startAlertmanager(dir, webhook);
                BackgroundProcess prometheus = startPrometheus(dir, sidecar.port(), alertmanagerPort(dir))) {
            sidecar.awaitMetrics("redis_config_maxmemory 4194304");
            long start = System.nanoTime();

            AtomicBoolean writing = new AtomicBoolean(true);
            Thread writer = new Thread(() -> write(redis, writing));
            writer.start();
            try {
                webhook.await(n -> n.path().equals("/chat") && firing(n.body(), "RedisEvictionSpike"),
                        Duration.ofSeconds(90), "RedisEvictionSpike on the chat receiver");
                webhook.await(n -> n.path().equals("/pager") && firing(n.body(), "RedisMemoryCritical"),
                        Duration.ofSeconds(30), "RedisMemoryCritical on the pager receiver");
            } finally {
                writing.set(false);
                writer.join();
            }
            System.out.printf("eviction spike notified after %d s%n", (System.nanoTime() - start) / 1_000_000_000);

            redis.kill();
            webhook.await(n -> n.path().equals("/pager") && firing(n.body(), "RedisDown"), Duration.ofSeconds(60),
                    "RedisDown on the pager receiver");
            JsonPath alerts = awaitInhibited(alertmanagerPort(dir), "RedisMemoryCritical");
            assertTrue(inhibited(alerts, "RedisOvercommitDisabled"), "host alert not inhibited: " + alerts.prettify());
            assertFalse(inhibited(alerts, "RedisDown"));
            System.out.printf("alerting end to end took %d s%n", (System.nanoTime() - start) / 1_000_000_000);
        }
    }

    private static boolean firing(String body, String alertname) {
        return body.contains("\"status\":\"firing\"") && body.contains("\"alertname\":\"" + alertname + "\"");
    }

    private static void write(RedisServer redis, AtomicBoolean writing) {
        String value = "x".repeat(1000);
        try (RespClient client = redis.client()) {
            for (long i = 0; writing.get(); i++) {
                client.call("SET", "key:" + i, value);
            }
        } catch (Exception e) {
            // Redis was stopped under the writer, or the test ended.
        }
    }

    private static JsonPath awaitInhibited(int port, String alertname) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String body = "";
        while (System.nanoTime() < deadline) {
            body = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v2/alerts"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
            JsonPath alerts = JsonPath.from(body);
            if (inhibited(alerts, alertname)) {
                return alerts;
            }
            Thread.sleep(200);
        }
        throw new AssertionError(alertname + " not inhibited by RedisDown; alerts: " + body);
    }

    private static boolean inhibited(JsonPath alerts, String alertname) {
        List<Object> by = alerts.getList("findAll { it.labels.alertname == '" + alertname + "' }"
                + ".collect { it.status.inhibitedBy }.flatten()");
        return !by.isEmpty();
    }

    private static BackgroundProcess startAlertmanager(Path dir, WebhookReceiver webhook) throws Exception {
        String config = Files.readString(Path.of("alerting/alertmanager.yml"))
                .replace("http://alert-relay:9095/", webhook.baseUrl())
                .replaceAll("group_wait: \\w+", "group_wait: 1s")
                .replaceAll("group_interval: \\w+", "group_interval: 1s");
        Files.writeString(dir.resolve("alertmanager.yml"), config);
        Files.createDirectories(dir.resolve("templates"));
        Files.copy(Path.of("alerting/templates/redis-sidecar.tmpl"), dir.resolve("templates/redis-sidecar.tmpl"));
        int port = RedisServer.freePort();
        Files.writeString(dir.resolve("alertmanager.port"), Integer.toString(port));
        return BackgroundProcess.start(dir, "prometheus-alertmanager", "--config.file=alertmanager.yml",
                "--storage.path=am-data", "--web.listen-address=127.0.0.1:" + port, "--cluster.listen-address=")
                .awaitReady("http://127.0.0.1:" + port + "/-/ready", Duration.ofSeconds(30));
    }

    private static int alertmanagerPort(Path dir) throws Exception {
        return Integer.parseInt(Files.readString(dir.resolve("alertmanager.port")));
    }

    private static BackgroundProcess startPrometheus(Path dir, int sidecarPort, int alertmanagerPort)
            throws Exception {
        String rules = Files.readString(Path.of("alerting/redis-sidecar.rules.yml"))
                .replaceAll("\n(\\s+)for: \\w+", "\n$1for: 3s")
                .replace("keep_firing_for: 5m", "keep_firing_for: 2m")
                .replace("[5m]", "[20s]").replace("[10m]", "[1m]").replace("[30m]", "[1m]").replace("[1h]", "[3m]");
        Files.writeString(dir.resolve("rules.yml"), rules);
        Files.writeString(dir.resolve("prometheus.yml"), """
                global:
                  scrape_interval: 1s
                  evaluation_interval: 1s
                rule_files: [rules.yml]
                alerting:
                  alertmanagers:
                    - static_configs:
                        - targets: ['127.0.0.1:%d']
                scrape_configs:
                  - job_name: redis-sidecar
                    static_configs:
                      - targets: ['127.0.0.1:%d']
                """.formatted(alertmanagerPort, sidecarPort));
        int port = RedisServer.freePort();
        return BackgroundProcess.start(dir, "prometheus", "--config.file=prometheus.yml",
                "--storage.tsdb.path=prom-data", "--web.listen-address=127.0.0.1:" + port)
                .awaitReady("http://127.0.0.1:" + port + "/-/ready", Duration.ofSeconds(30));
    }
}
