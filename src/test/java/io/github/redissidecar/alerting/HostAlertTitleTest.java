package io.github.redissidecar.alerting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.redissidecar.testing.BackgroundProcess;
import io.github.redissidecar.testing.RedisServer;
import io.github.redissidecar.testing.WebhookReceiver;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The shipped Alertmanager routing and templates name the host in the title of a host alert, also when its group
 * holds one Redis: a host running a single Redis, or the first sidecar on a host whose alert fires before the
 * others'. The end-to-end test meets that case only when its five alerts happen to reach Alertmanager apart.
 */
class HostAlertTitleTest {

    private int port;

    @Test
    void aHostAlertOfOneRedisIsTitledWithItsHost() throws Exception {
        Path dir = Files.createTempDirectory("host-alert-title");
        try (WebhookReceiver slack = new WebhookReceiver(); BackgroundProcess alertmanager = start(dir, slack)) {
            post("redis://10.0.0.7:6379");
            JsonPath message = JsonPath.from(slack.await(n -> true, Duration.ofSeconds(30), "a notification").body());
            assertEquals("[FIRING:1] RedisOvercommitDisabled on host node-1", message.getString("attachments[0].title"));
        }
    }

    private BackgroundProcess start(Path dir, WebhookReceiver slack) throws Exception {
        String config = Files.readString(Path.of("alerting/alertmanager.yml"))
                .replace("api_url_file: /etc/alertmanager/secrets/slack-webhook-url", "api_url: " + slack.baseUrl()
                        + "slack")
                .replaceAll("group_wait: \\w+", "group_wait: 1s");
        Files.writeString(dir.resolve("alertmanager.yml"), config);
        Files.createDirectories(dir.resolve("templates"));
        Files.copy(Path.of("alerting/templates/redis-sidecar.tmpl"), dir.resolve("templates/redis-sidecar.tmpl"));
        port = RedisServer.freePort();
        return BackgroundProcess.start(dir, "prometheus-alertmanager", "--config.file=alertmanager.yml",
                "--storage.path=am-data", "--web.listen-address=127.0.0.1:" + port, "--cluster.listen-address=")
                .awaitReady("http://127.0.0.1:" + port + "/-/ready", Duration.ofSeconds(30));
    }

    // The labels RedisOvercommitDisabled carries (alerting/redis-sidecar.rules.yml), as Prometheus would send them.
    private void post(String redisAddress) throws Exception {
        String alert = """
                [{"labels": {"alertname": "RedisOvercommitDisabled", "severity": "warning",
                  "product": "redis-memory-sidecar", "scope": "host", "host": "node-1",
                  "job": "redis-memory-sidecar", "instance": "10.0.0.7:9121", "redis_address": "%s"},
                  "annotations": {"summary": "Host node-1: vm.overcommit_memory is 0"}}]
                """.formatted(redisAddress);
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/v2/alerts")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(alert)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
    }
}
