package io.github.redissidecar.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.redissidecar.testing.AlertmanagerServer;
import io.github.redissidecar.testing.Eventually;
import io.github.redissidecar.testing.Pace;
import io.github.redissidecar.testing.PrometheusServer;
import io.github.redissidecar.testing.RedisServer;
import io.github.redissidecar.testing.RespClient;
import io.github.redissidecar.testing.ServerUnderTest;
import io.github.redissidecar.testing.SidecarProcess;
import io.github.redissidecar.testing.WebhookReceiver;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What an on-call person receives, end to end: five real redis-servers, each with the packaged sidecar, one
 * Prometheus with the shipped rules, one Alertmanager with the shipped routing and templates, and its Slack
 * receivers posting to a webhook inside the test, whose messages the test reads as a person would.
 *
 * <ul>
 *   <li>a full allkeys-lru cache under steady writes: never a page;</li>
 *   <li>a Redis without maxmemory whose RSS nears its container limit: a page (RedisOOMKillRisk);</li>
 *   <li>a noeviction Redis hit by one burst of writes: a page (RedisRejectingWrites), then a "Recovered" message;</li>
 *   <li>a wrong password: the credentials alert on the chat channel, never RedisDown;</li>
 *   <li>a restart: an info message saying the settings were put back;</li>
 *   <li>the host's vm.overcommit_memory 0 (a fixture), shared by all five: one message for the host.</li>
 * </ul>
 *
 * <p>To fit in about two minutes, the test derives copies of the two files with shorter times and changes nothing
 * else: every {@code for:} becomes 2s and {@code keep_firing_for} 10s; the windows [1m], [3m], [5m], [10m], [15m]
 * and [1h] become [5s], [15s], [5s], [1m], [10s] and [40s], the offsets 10m and 3m become 10s and 15s, the
 * subquery [1h:5m] becomes [40s:5s]; the Slack URL points at the test, and group_wait and group_interval 1s.
 * Rules in {@link #NOT_SHORTENED} keep their real times (see there).
 */
@Tag(ServerUnderTest.MATRIX)
class AlertingEndToEndIT {

    private static final Duration DEADLINE = Duration.ofSeconds(90);

    // RedisKeyGroupGrowingWithoutTtl compares growth per hour (16 MiB/h) with a fixed threshold: over [40s] instead
    // of [1h] it is 90 times as sensitive, and the sampler's estimates of the unchanged dataset of `unbounded`, or the
    // cache's first fill, read as growth. At its real times nothing in this test can make it fire.
    private static final List<String> NOT_SHORTENED = List.of("RedisKeyGroupGrowingWithoutTtl");

    @Test
    void theOnCallGetsWhatHurtsInWordsAndNothingForAHealthyCache() throws Exception {
        Path dir = Files.createTempDirectory("alerting-e2e");
        try (RedisServer cache = new RedisServer().start();
                RedisServer unbounded = new RedisServer().start();
                RedisServer broker = new RedisServer().start();
                RedisServer locked = new RedisServer("--requirepass", "the-right-one").start();
                RedisServer restarted = new RedisServer().start();
                WebhookReceiver slack = new WebhookReceiver()) {
            fill(unbounded, 30 << 20);
            long limit = rss(unbounded) * 100 / 93; // RSS at 93% of the container limit: no maxmemory, OOM near
            try (SidecarProcess cacheSidecar = sidecar(cache, "maxmemory 32mb\nmaxmemory-policy allkeys-lru",
                    Map.of());
                    SidecarProcess unboundedSidecar = sidecar(unbounded, "",
                            Map.of("SIDECAR_CONTAINER_MEMORY_LIMIT", Long.toString(limit)));
                    SidecarProcess brokerSidecar = sidecar(broker, "maxmemory 2mb\nmaxmemory-policy noeviction",
                            Map.of());
                    SidecarProcess lockedSidecar = sidecar(locked, "", Map.of("REDIS_PASSWORD", "a-wrong-one"));
                    SidecarProcess restartedSidecar = sidecar(restarted, "maxmemory 8mb\nmaxmemory-policy allkeys-lru",
                            Map.of());
                    AlertmanagerServer alertmanager = AlertmanagerServer.shipped(dir, slack, config -> config
                            .replaceAll("group_wait: \\w+", "group_wait: 1s")
                            .replaceAll("group_interval: \\w+", "group_interval: 1s"));
                    PrometheusServer prometheus = startPrometheus(dir, alertmanager, List.of(cacheSidecar,
                            unboundedSidecar, brokerSidecar, lockedSidecar, restartedSidecar))) {
                long start = System.nanoTime();
                AtomicBoolean writing = new AtomicBoolean(true);
                Thread writer = new Thread(() -> writeSteadily(cache, writing));
                writer.start();
                try {
                    restartedSidecar.awaitMetrics("redis_config_maxmemory 8388608");
                    // A few scrapes of the running server before it restarts, as Prometheus has them.
                    Eventually.within(Duration.ofSeconds(20), Duration.ofMillis(200), "three scrapes before", () ->
                            prometheus.query("count_over_time(redis_sidecar_info{instance=\"127.0.0.1:"
                                    + restartedSidecar.port() + "\"}[1m]) >= 3").size() == 1);
                    restarted.restart();
                    brokerSidecar.awaitMetrics("redis_config_maxmemory 2097152");
                    assertTrue(burst(broker) > 0, "the burst met OOM");

                    Message oom = awaitMessage(slack, "#redis-pager", "RedisOOMKillRisk", unbounded);
                    assertTrue(oom.text().contains("of the container limit of Redis at " + unbounded.address()), oom
                            .text());
                    Message rejected = awaitMessage(slack, "#redis-pager", "RedisRejectingWrites", broker);
                    assertTrue(rejected.text().contains("with OOM") && rejected.text().contains("(noeviction)")
                            && rejected.text().contains("Runbook: "), rejected.text());
                    Message auth = awaitMessage(slack, "#redis-alerts", "RedisSidecarAuthFailing", locked);
                    assertTrue(auth.text().contains("(auth)") && auth.text().contains("namespace shop"),
                            auth.text());
                    Message restart = awaitMessage(slack, "#redis-info", "RedisRestarted", restarted);
                    assertTrue(restart.text().contains("its declared settings were put back"), restart.text());
                    Message host = await(slack, m -> m.title().startsWith("[FIRING:5] RedisOvercommitDisabled on "
                            + "host test-host"), "one message for the host and its five Redis");
                    Message recovered = await(slack, m -> m.title().startsWith("[RESOLVED] RedisRejectingWrites")
                            && m.text().contains("*Recovered:* Redis at " + broker.address()),
                            "RedisRejectingWrites resolved");
                    awaitElapsed(start, Duration.ofSeconds(100)); // the cache's eviction baseline is established
                    System.out.printf("alerting end to end: %d messages in %d s; e.g.%n%s%n%s%n%s%n%s%n",
                            messages(slack).size(), (System.nanoTime() - start) / 1_000_000_000, rejected, host,
                            restart, recovered);
                } finally {
                    writing.set(false);
                    writer.join();
                }
                List<Message> all = messages(slack);
                assertTrue(all.stream().noneMatch(m -> m.channel().equals("#redis-pager")
                        && m.title().contains(cache.address())), "the full cache paged: " + all);
                assertTrue(all.stream().noneMatch(m -> m.title().contains("RedisDown")), "RedisDown: " + all);
                assertTrue(all.stream().noneMatch(m -> m.title().contains("RedisSidecarAbsent")),
                        "every job keeps its sidecars: " + all);
                assertEquals(0, all.stream().filter(m -> m.title().contains("RedisOvercommitDisabled")
                        && !m.title().contains("on host test-host")).count(), "every host alert titled with its host: "
                        + all.stream().map(Message::title).toList());
            }
        }
    }

    private static List<Message> messages(WebhookReceiver slack) {
        return slack.received().stream().map(n -> Message.of(n.body())).toList();
    }

    private static Message await(WebhookReceiver slack, java.util.function.Predicate<Message> match, String what)
            throws Exception {
        return Message.of(slack.await(n -> match.test(Message.of(n.body())), DEADLINE, what).body());
    }

    private static Message awaitMessage(WebhookReceiver slack, String channel, String alertname, RedisServer redis)
            throws Exception {
        return await(slack, m -> m.channel().equals(channel) && m.title().startsWith("[FIRING:1] " + alertname
                + " on " + redis.address()), alertname + " for " + redis.address() + " on " + channel);
    }

    private static SidecarProcess sidecar(RedisServer redis, String settings, Map<String, String> extra)
            throws IOException {
        Map<String, String> env = new HashMap<>(extra);
        env.put("REDIS_ADDR", redis.address());
        env.put("SIDECAR_SETTINGS", settings);
        env.putIfAbsent("SIDECAR_CONTAINER_MEMORY_LIMIT", "256mb");
        env.put("SIDECAR_HOST_NAME", "test-host");
        env.put("SIDECAR_HOST_OVERCOMMIT_MEMORY_FILE", Path.of("src/test/resources/host/overcommit_memory")
                .toAbsolutePath().toString());
        return SidecarProcess.start(env);
    }

    // The test's own writes (the sidecar never writes): 1 KB strings.
    private static void fill(RedisServer redis, long bytes) throws Exception {
        for (int batch = 0; rss(redis) < bytes; batch++) {
            redis.call("EVAL", "for i = 1, 2000 do redis.call('SET', ARGV[1] .. i, string.rep('x', 1000)) end",
                    "0", "fill-" + batch + "-");
        }
    }

    private static long rss(RedisServer redis) throws IOException {
        return redis.call("INFO", "memory").lines().filter(l -> l.startsWith("used_memory_rss:"))
                .map(l -> Long.parseLong(l.substring("used_memory_rss:".length()).strip())).findFirst()
                .orElseThrow();
    }

    /** One burst of 3,000 1 KB writes against a 2 MB noeviction Redis; the number refused with OOM. */
    private static int burst(RedisServer redis) throws IOException {
        int refused = 0;
        String value = "x".repeat(1000);
        try (RespClient client = redis.client()) {
            for (int i = 0; i < 3_000; i++) {
                try {
                    client.call("SET", "celery-task-meta-" + i, value);
                } catch (IOException e) {
                    if (!e.getMessage().contains("OOM")) {
                        throw e;
                    }
                    refused++;
                }
            }
        }
        return refused;
    }

    private static void writeSteadily(RedisServer redis, AtomicBoolean writing) {
        String value = "x".repeat(1000);
        try (RespClient client = redis.client()) {
            for (long i = 0; writing.get(); i++) {
                client.call("SET", "vimbiso:1:" + i, value);
                if (i % 200 == 0) {
                    Pace.hold(Duration.ofMillis(20)); // about 10,000 writes/s: steady, not as fast as possible
                }
            }
        } catch (Exception e) {
            // The test ended.
        }
    }

    // The eviction baseline is an hour of history in the shipped rules, 40 s here: time, not a condition.
    private static void awaitElapsed(long start, Duration total) {
        long left = total.toMillis() - (System.nanoTime() - start) / 1_000_000;
        if (left > 0) {
            Pace.hold(Duration.ofMillis(left));
        }
    }

    private static PrometheusServer startPrometheus(Path dir, AlertmanagerServer alertmanager,
            List<SidecarProcess> sidecars) throws Exception {
        writeShortenedRules(dir);
        String targets = sidecars.stream().map(s -> "'127.0.0.1:" + s.port() + "'").collect(Collectors.joining(", "));
        return PrometheusServer.start(dir, """
                global:
                  scrape_interval: 1s
                  evaluation_interval: 1s
                rule_files: [rules.yml]
                alerting:
                  alertmanagers:
                    - static_configs:
                        - targets: ['%s']
                scrape_configs:
                  - job_name: redis-memory-sidecar
                    static_configs:
                      - targets: [%s]
                        labels: {namespace: shop, cluster: test}
                """.formatted(alertmanager.address(), targets));
    }

    /** The shipped rules with the test's shorter times, as {@code rules.yml} in {@code dir}. */
    static void writeShortenedRules(Path dir) throws java.io.IOException {
        String shipped = Files.readString(Path.of("alerting/redis-sidecar.rules.yml"));
        NOT_SHORTENED.forEach(name -> assertTrue(shipped.contains("\n      - alert: " + name + "\n"), name));
        Files.writeString(dir.resolve("rules.yml"), Arrays.stream(shipped.split("(?=\n      - alert: )"))
                .map(AlertingEndToEndIT::shortened).collect(Collectors.joining()));
    }

    /** One rule (or the file's head) with the test's shorter times, unless it is one of {@link #NOT_SHORTENED}. */
    private static String shortened(String rule) {
        if (NOT_SHORTENED.stream().anyMatch(name -> rule.startsWith("\n      - alert: " + name + "\n"))) {
            return rule;
        }
        return rule.replaceAll("\n(\\s+)for: \\w+", "\n$1for: 2s")
                .replaceAll("keep_firing_for: \\w+", "keep_firing_for: 10s")
                .replace("[1h] offset 10m", "[40s] offset 10s").replace("offset 3m", "offset 15s")
                .replace("[1h:5m]", "[40s:5s]").replace("[1h]", "[40s]").replace("[15m]", "[10s]")
                .replace("[3m]", "[15s]").replace("[1m]", "[5s]").replace("[5m]", "[5s]").replace("[10m]", "[1m]");
    }

    /** A Slack message as Alertmanager posted it: channel, title and text rendered by the shipped templates. */
    record Message(String channel, String title, String text) {
        static Message of(String body) {
            JsonPath json = JsonPath.from(body);
            return new Message(json.getString("channel"), json.getString("attachments[0].title"),
                    json.getString("attachments[0].text"));
        }

        @Override
        public String toString() {
            return channel + " | " + title + "\n" + text;
        }
    }
}
