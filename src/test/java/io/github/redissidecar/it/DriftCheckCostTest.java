package io.github.redissidecar.it;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.redissidecar.testing.Eventually;
import io.github.redissidecar.testing.InjectRedis;
import io.github.redissidecar.testing.RedisServer;
import io.github.redissidecar.testing.RedisServerResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * With only maxmemory and the policy declared, the polls that follow Prometheus's scrapes already watch them: the
 * drift check sends no CONFIG GET while they are in place. Nobody scraping, it reads them as before, so a
 * hand-typed change still lasts at most the drift interval.
 */
@QuarkusTest
@WithTestResource(value = RedisServerResource.class, initArgs = {
    @ResourceArg(name = "sidecar.settings", value = "maxmemory 64mb\nmaxmemory-policy allkeys-lru"),
    @ResourceArg(name = "sidecar.drift-check-interval", value = "2s")})
class DriftCheckCostTest {

    @InjectRedis
    RedisServer redis;

    @Test
    void scrapedNoConfigGetUnscrapedTheCheckReadsAndUndoesATypedChange() throws Exception {
        Eventually.within(Duration.ofSeconds(10), "maxmemory 64mb", () -> "67108864".equals(
                redis.config("maxmemory")));
        scrapeEveryHalfSecond(6); // the sidecar learns the scrapes and polls before each
        redis.call("CONFIG", "RESETSTAT");
        scrapeEveryHalfSecond(16);
        // Four drift checks in these 8 s: without the skip, four CONFIG GETs. One poll held up past the interval by
        // a loaded machine may let one through.
        assertTrue(calls("config|get") <= 1, "scraped every 0.5 s with the settings in place: no CONFIG GET, "
                + calls("config|get") + "; " + given().get("/status").body().jsonPath().getMap("polling"));

        scrapeEvery(3_000, 4); // slower than the 2 s drift interval, like a 60 s scrape against the 30 s default
        redis.call("CONFIG", "RESETSTAT");
        scrapeEvery(3_000, 4);
        assertTrue(calls("config|get") <= 1, "scraped every 3 s, slower than the drift interval: the polls follow "
                + "the scrapes, no CONFIG GET, " + calls("config|get"));

        Thread.sleep(6_000); // the last scrape's poll ages past the drift interval and the scrape interval
        redis.call("CONFIG", "RESETSTAT");
        Thread.sleep(5_000);
        assertTrue(calls("config|get") >= 2, "nobody scraping: the drift check reads, " + calls("config|get"));

        redis.call("CONFIG", "SET", "maxmemory-policy", "noeviction");
        Eventually.within(Duration.ofSeconds(5), "the typed policy undone", () -> "allkeys-lru".equals(
                redis.config("maxmemory-policy")));
    }

    private static void scrapeEveryHalfSecond(int times) throws InterruptedException {
        scrapeEvery(500, times);
    }

    private static void scrapeEvery(long millis, int times) throws InterruptedException {
        for (int i = 0; i < times; i++) {
            given().get("/metrics").then().statusCode(200);
            Thread.sleep(millis);
        }
    }

    private long calls(String command) throws Exception {
        String stats = redis.call("INFO", "commandstats");
        String key = "cmdstat_" + command + ":calls=";
        int at = stats.indexOf(key);
        return at < 0 ? 0 : Long.parseLong(stats.substring(at + key.length()).split(",")[0]);
    }
}
