package io.github.redissidecar.alerting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.redissidecar.testing.AlertmanagerServer;
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

    @Test
    void aHostAlertOfOneRedisIsTitledWithItsHost() throws Exception {
        Path dir = Files.createTempDirectory("host-alert-title");
        try (WebhookReceiver slack = new WebhookReceiver(); AlertmanagerServer alertmanager = AlertmanagerServer
                .shipped(dir, slack, config -> config.replaceAll("group_wait: \\w+", "group_wait: 1s"))) {
            post(alertmanager, "redis://10.0.0.7:6379");
            JsonPath message = JsonPath.from(slack.await(n -> true, Duration.ofSeconds(30), "a notification").body());
            assertEquals("[FIRING:1] RedisOvercommitDisabled on host node-1", message.getString("attachments[0].title"));
        }
    }

    // The labels RedisOvercommitDisabled carries (alerting/redis-sidecar.rules.yml), as Prometheus would send them.
    private static void post(AlertmanagerServer alertmanager, String redisAddress) throws Exception {
        String alert = """
                [{"labels": {"alertname": "RedisOvercommitDisabled", "severity": "warning",
                  "product": "redis-memory-sidecar", "scope": "host", "host": "node-1",
                  "job": "redis-memory-sidecar", "instance": "10.0.0.7:9121", "redis_address": "%s"},
                  "annotations": {"summary": "Host node-1: vm.overcommit_memory is 0"}}]
                """.formatted(redisAddress);
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://" + alertmanager.address() + "/api/v2/alerts")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(alert)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
    }
}
