package io.github.redissidecar.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.redissidecar.testing.AlertmanagerServer;
import io.github.redissidecar.testing.Eventually;
import io.github.redissidecar.testing.PrometheusServer;
import io.github.redissidecar.testing.RedisServer;
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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * As users run it, nothing shortened: the packaged sidecar beside a Redis with AOF and declared settings, an HA
 * pair of real Prometheus servers scraping it every 15 s under a job name of their own ("redis", not the product's
 * name) with the shipped rules, and the shipped Alertmanager routing as it is, its Slack receivers posting to the
 * test. Both Prometheus servers get data polled for their own scrape; Redis answers about one INFO per scrape; no
 * alert is even pending for a healthy sidecar; a hand-typed change is undone within the drift interval and a
 * restart's settings within a second, with nobody scraping faster; a frozen Redis holds a scrape for the wait
 * only; a dead Redis's counters leave Prometheus within two scrapes; its page comes, and the page's resolve notice
 * reaches the channel within about a minute of Prometheus resolving it.
 */
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class ScrapedEvery15sIT {

    private static final Duration SCRAPE = Duration.ofSeconds(15);
    private static final Duration PACE = Duration.ofMillis(500);
    private static final String SETTINGS = "maxmemory 32mb\nmaxmemory-policy allkeys-lru";

    @Test
    void anHaPairScrapingEvery15sWithTheShippedRulesAndRouting() throws Exception {
        Path dir = Files.createTempDirectory("every-15s");
        try (RedisServer redis = new RedisServer("--appendonly", "yes").start();
                WebhookReceiver slack = new WebhookReceiver();
                SidecarProcess sidecar = SidecarProcess.start(Map.of("REDIS_ADDR", redis.address(),
                        "SIDECAR_SETTINGS", SETTINGS, "SIDECAR_CONTAINER_MEMORY_LIMIT", "256mb",
                        "SIDECAR_HOST_OVERCOMMIT_MEMORY_FILE", fixture("overcommit_memory_1"),
                        "SIDECAR_HOST_TRANSPARENT_HUGEPAGE_FILE", fixture("thp_never")));
                AlertmanagerServer alertmanager = AlertmanagerServer.shipped(dir, slack, shipped -> shipped);
                PrometheusServer a = prometheus("a", sidecar, alertmanager);
                PrometheusServer b = prometheus("b", sidecar, alertmanager)) {
            String target = "127.0.0.1:" + sidecar.port();
            Eventually.within(Duration.ofSeconds(60), PACE, "both scraping", () -> up(a, target) && up(b, target));
            redis.call("CONFIG", "RESETSTAT");
            double from = System.currentTimeMillis() / 1000.0;
            Eventually.within(Duration.ofSeconds(90), PACE, "four scrapes each", () -> scrapes(a, target, from) >= 4
                    && scrapes(b, target, from) >= 4);
            long infos = DriftCheckCostTest.calls(redis, "info");
            int scrapes = scrapes(a, target, from) + scrapes(b, target, from);
            List<Double> ages = ages(a, target);
            ages.addAll(ages(b, target));
            System.out.printf("two Prometheus 15 s apart (phase %.1f s): %d scrapes, %d INFO; data age at scrape: "
                    + "%s%n", phase(a, b, target), scrapes, infos, ages);
            assertTrue(infos <= scrapes + 1 && infos >= scrapes / 2, scrapes + " scrapes, " + infos + " INFO");
            assertTrue(ages.size() >= 8 && ages.stream().allMatch(age -> age <= 0.5), "data age " + ages);
            assertEquals("[]", JsonPath.from(a.get("/api/v1/alerts")).getList("data.alerts").toString(),
                    "a healthy sidecar under the job name redis: no alert, not even pending");

            redis.call("CONFIG", "SET", "maxmemory", "0");
            long undone = Eventually.within(Duration.ofSeconds(40), "maxmemory put back", () -> "33554432".equals(
                    redis.config("maxmemory")));
            assertTrue(undone <= Duration.ofSeconds(31).toNanos(), "undone within the 30 s drift interval: "
                    + undone / 1_000_000 + " ms");

            redis.freeze();
            try {
                long start = System.nanoTime();
                HttpResponse<String> late = scrape(target);
                long millis = (System.nanoTime() - start) / 1_000_000;
                assertEquals(200, late.statusCode());
                assertTrue(millis <= 500, "a frozen Redis held the scrape " + millis + " ms");
            } finally {
                redis.thaw();
            }

            redis.restart();
            long back = Eventually.within(Duration.ofSeconds(5), "settings back after kill -9", () -> "33554432"
                    .equals(redis.config("maxmemory")) && "allkeys-lru".equals(redis.config("maxmemory-policy")));
            assertTrue(back <= Duration.ofSeconds(1).toNanos(), "restored " + back / 1_000_000 + " ms after Redis "
                    + "answered");

            redis.kill();
            long gone = Eventually.within(SCRAPE.multipliedBy(2).plusSeconds(5), PACE, "counters gone", () -> a
                    .query("redis_commands_processed_total").isEmpty() && b.query("redis_commands_processed_total")
                    .isEmpty());
            System.out.printf("a dead Redis's counters left Prometheus %d s after the kill%n", gone / 1_000_000_000);
            slack.await(n -> title(n).startsWith("[FIRING:1] RedisDown on " + redis.address()) && n.body()
                    .contains("#redis-pager"), Duration.ofMinutes(3), "RedisDown paged");

            redis.start();
            long resolving = System.nanoTime();
            Eventually.within(Duration.ofSeconds(60), PACE, "Prometheus resolved RedisDown", () -> !a.get(
                    "/api/v1/alerts").contains("RedisDown") && !b.get("/api/v1/alerts").contains("RedisDown"));
            long resolved = System.nanoTime();
            slack.await(n -> title(n).startsWith("[RESOLVED] RedisDown") && n.body().contains("#redis-pager"),
                    Duration.ofSeconds(80), "the resolve notice of the page");
            long notice = System.nanoTime();
            System.out.printf("RedisDown resolved by Prometheus %d s after Redis came back; the notice %d s later%n",
                    (resolved - resolving) / 1_000_000_000, (notice - resolved) / 1_000_000_000);
        }
    }

    private static PrometheusServer prometheus(String replica, SidecarProcess sidecar,
            AlertmanagerServer alertmanager) throws Exception {
        Path dir = Files.createTempDirectory("prometheus-" + replica);
        Files.copy(Path.of("alerting/redis-sidecar.rules.yml"), dir.resolve("rules.yml"));
        // An HA pair: the same configuration but for the replica label, which Alertmanager must not see (it would
        // tell the pair's identical alerts apart), and which moves each server's scrapes to its own phase.
        return PrometheusServer.start(dir, """
                global:
                  scrape_interval: 15s
                  evaluation_interval: 15s
                  external_labels: {replica: %s}
                rule_files: [rules.yml]
                alerting:
                  alert_relabel_configs:
                    - action: labeldrop
                      regex: replica
                  alertmanagers:
                    - static_configs:
                        - targets: ['%s']
                scrape_configs:
                  - job_name: redis
                    static_configs:
                      - targets: ['127.0.0.1:%d']
                        labels: {namespace: shop}
                """.formatted(replica, alertmanager.address(), sidecar.port()));
    }

    private static boolean up(PrometheusServer prometheus, String target) throws Exception {
        return prometheus.query("up{instance=\"" + target + "\"} == 1").size() == 1;
    }

    private static int scrapes(PrometheusServer prometheus, String target, double since) throws Exception {
        return (int) prometheus.samples("up{instance=\"" + target + "\"}", Duration.ofMinutes(3)).stream()
                .filter(s -> s[0] >= since).count();
    }

    // How old the poll was when Prometheus scraped: the scrape's time minus the poll's (negative: polled after the
    // scrape began, for it).
    private static List<Double> ages(PrometheusServer prometheus, String target) throws Exception {
        return new java.util.ArrayList<>(prometheus.samples("redis_sidecar_last_successful_poll_timestamp_seconds{"
                + "instance=\"" + target + "\"}", Duration.ofMinutes(1)).stream().map(s -> s[0] - s[1]).toList());
    }

    private static double phase(PrometheusServer a, PrometheusServer b, String target) throws Exception {
        List<double[]> first = a.samples("up{instance=\"" + target + "\"}", Duration.ofSeconds(30));
        List<double[]> second = b.samples("up{instance=\"" + target + "\"}", Duration.ofSeconds(30));
        return Math.abs(first.get(first.size() - 1)[0] - second.get(second.size() - 1)[0]) % SCRAPE.toSeconds();
    }

    private static HttpResponse<String> scrape(String target) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        return http.send(HttpRequest.newBuilder(URI.create("http://" + target + "/metrics"))
                .header("X-Prometheus-Scrape-Timeout-Seconds", "10").timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String title(WebhookReceiver.Notification n) {
        return JsonPath.from(n.body()).getString("attachments[0].title");
    }

    private static String fixture(String name) {
        return Path.of("src/test/resources/host", name).toAbsolutePath().toString();
    }
}
