package io.github.redissidecar.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.redissidecar.testing.InjectRedis;
import io.github.redissidecar.testing.Pace;
import io.github.redissidecar.testing.RedisServer;
import io.github.redissidecar.testing.RedisServerResource;
import io.github.redissidecar.testing.Scrape;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Redis is read when Prometheus scrapes, as redis_exporter does: nobody scraping, Redis sees no INFO between the
 * 60 s floor polls; each scrape more than SIDECAR_POLL_MAX_AGE (250 ms) after the last poll gets one INFO of its
 * own; scrapes that come together share one; no sample carries a timestamp; a frozen Redis holds a scrape no
 * longer than SIDECAR_POLL_SCRAPE_WAIT (150 ms), which then gets the last poll and is counted.
 */
@QuarkusTest
@WithTestResource(RedisServerResource.class)
class PollOnScrapeTest {

    @InjectRedis
    RedisServer redis;

    @Test
    void oneInfoPerScrapeNoneWithoutAndScrapesThatComeTogetherShareOne() throws Exception {
        Scrape.await(s -> s.get("redis_up") == 1, Duration.ofSeconds(10));
        redis.call("CONFIG", "RESETSTAT");
        // Nobody scrapes: a poll of its own would show within the floor (60 s); nothing can show that it did not
        // poll but the time itself, so 3 s of it.
        Pace.hold(Duration.ofSeconds(3));
        assertEquals(0, infoCalls(), "nobody scraped for 3 s: no INFO");

        for (int i = 0; i < 6; i++) {
            redis.call("CONFIG", "RESETSTAT");
            given().get("/metrics").then().statusCode(200);
            assertEquals(1, infoCalls(), "a scrape, one INFO");
            Pace.hold(Duration.ofMillis(300)); // past SIDECAR_POLL_MAX_AGE: the next scrape polls again
        }

        Pace.hold(Duration.ofMillis(300));
        redis.call("CONFIG", "RESETSTAT");
        List<CompletableFuture<Integer>> together = IntStream.range(0, 8).mapToObj(i -> CompletableFuture.supplyAsync(
                () -> given().get("/metrics").then().extract().statusCode())).toList();
        together.forEach(f -> assertEquals(200, f.join()));
        assertTrue(infoCalls() <= 2, "eight scrapes at once share a poll: " + infoCalls() + " INFO");

        given().get("/status").then().statusCode(200).body("polling.floor_seconds", equalTo(60))
                .body("polling.data_age_seconds", lessThan(0.5f));
    }

    @Test
    void noSampleCarriesATimestamp() {
        String page = Scrape.await(s -> s.get("redis_up") == 1, Duration.ofSeconds(10)).text();
        List<String> stamped = page.lines().filter(l -> !l.startsWith("#") && !l.isBlank())
                .filter(l -> l.substring(l.lastIndexOf('}') + 1).strip().split(" ").length != (l.contains("}") ? 1 : 2))
                .toList();
        assertEquals(List.of(), stamped);
        assertTrue(page.contains("\nredis_commands_processed_total "), "counters are there");
    }

    @Test
    void aFrozenRedisHoldsAScrapeForTheWaitAndTheScrapeIsCounted() throws Exception {
        Scrape.await(s -> s.get("redis_up") == 1, Duration.ofSeconds(10));
        double stale = Scrape.now().get("redis_sidecar_scrape_stale_total");
        Pace.hold(Duration.ofMillis(300)); // past SIDECAR_POLL_MAX_AGE: the next scrape asks for a poll
        redis.freeze();
        try {
            long start = System.nanoTime();
            Scrape late = Scrape.now();
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis < 500, "a scrape against a frozen Redis took " + millis + " ms");
            assertEquals(1, late.get("redis_up"), "served the last poll");
            assertEquals(stale + 1, late.get("redis_sidecar_scrape_stale_total"), "and counted");
        } finally {
            redis.thaw();
        }
        Scrape.await(s -> s.get("redis_up") == 1, Duration.ofSeconds(10));
    }

    private long infoCalls() throws Exception {
        String stats = redis.call("INFO", "commandstats");
        // Redis counts a command after running it: this INFO is not in its own reply.
        return stats.contains("cmdstat_info:")
                ? Long.parseLong(stats.replaceAll("(?s).*cmdstat_info:calls=(\\d+),.*", "$1")) : 0;
    }
}
