package io.github.redissidecar.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.redissidecar.testing.InjectRedis;
import io.github.redissidecar.testing.RedisServer;
import io.github.redissidecar.testing.RedisServerResource;
import io.github.redissidecar.testing.Scrape;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Redis goes away and comes back: redis_up follows, INFO series vanish and return, the sidecar never restarts, and
 * the restart is counted even though no settings are declared (monitoring only).
 */
@QuarkusTest
@WithTestResource(RedisServerResource.class)
class RedisRestartTest {

    @InjectRedis
    RedisServer redis;

    @Test
    void stoppedRedisDropsInfoSeriesAndARestartBringsThemBack() throws Exception {
        Scrape up = Scrape.await(s -> s.get("redis_up") == 1, Duration.ofSeconds(10));
        String runId = redis.call("INFO", "server").lines().filter(l -> l.startsWith("run_id:")).findFirst()
                .orElseThrow().substring(7).strip();
        assertTrue(up.text().contains(runId));

        redis.kill();
        long killedAt = System.nanoTime();
        Scrape down = Scrape.await(s -> s.get("redis_up") == 0, Duration.ofSeconds(5));
        long scrapeNanos = timeScrape();
        assertFalse(down.has("redis_memory_used_bytes"), "no frozen stale values while Redis is down");
        assertFalse(down.text().contains("redis_instance_info"));
        assertTrue(down.has("redis_sidecar_last_successful_poll_timestamp_seconds"));
        assertTrue(down.get("redis_sidecar_poll_errors_total{reason=\"connect\"}") >= 1, down.text());
        assertTrue(scrapeNanos < 1_000_000_000L, "/metrics answers at once while Redis is down");

        redis.start();
        Scrape back = Scrape.await(s -> s.get("redis_up") == 1 && s.has("redis_memory_used_bytes"),
                Duration.ofSeconds(5));
        assertFalse(back.text().contains(runId), "the new server's run_id replaces the old one");
        assertTrue(System.nanoTime() - killedAt < Duration.ofSeconds(6).toNanos());
        assertEquals(1, redis.call("CLIENT", "LIST").lines().filter(l -> l.contains("redis-memory-sidecar")).count());
        assertEquals(0, up.get("redis_sidecar_restarts_detected_total"));
        assertEquals(1, Scrape.await(s -> s.get("redis_sidecar_restarts_detected_total") == 1, Duration.ofSeconds(3))
                .get("redis_sidecar_restarts_detected_total"));
        io.restassured.RestAssured.given().get("/status").then().statusCode(200)
                .body("redis.restarts_detected", org.hamcrest.Matchers.equalTo(1))
                .body("settings.mode", org.hamcrest.Matchers.equalTo("off"));
    }

    private static long timeScrape() {
        long start = System.nanoTime();
        Scrape.now();
        return System.nanoTime() - start;
    }
}
