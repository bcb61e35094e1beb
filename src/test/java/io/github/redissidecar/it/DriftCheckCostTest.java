package io.github.redissidecar.it;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.redissidecar.testing.Eventually;
import io.github.redissidecar.testing.InjectRedis;
import io.github.redissidecar.testing.Pace;
import io.github.redissidecar.testing.RedisServer;
import io.github.redissidecar.testing.RedisServerResource;
import io.github.redissidecar.testing.Scrape;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * With only maxmemory and the policy declared, every poll already looks at them (INFO reports both): scraped, the
 * sidecar sends no CONFIG GET; nobody scraping, the drift deadline polls once per SIDECAR_DRIFT_CHECK_INTERVAL, and
 * a hand-typed change lasts at most that interval.
 */
@QuarkusTest
@WithTestResource(value = RedisServerResource.class, initArgs = {
    @ResourceArg(name = "sidecar.settings", value = "maxmemory 64mb\nmaxmemory-policy allkeys-lru"),
    @ResourceArg(name = "sidecar.drift-check-interval", value = "2s")})
class DriftCheckCostTest {

    @InjectRedis
    RedisServer redis;

    @Test
    void scrapedThePollsLookUnscrapedTheDeadlinePollsAndATypedChangeLastsAtMostTheInterval() throws Exception {
        // Seen by a poll: the startup check's CONFIG GET after its sets came before it, on the Redis thread.
        Scrape.await(s -> s.get("redis_config_maxmemory") == 67108864, Duration.ofSeconds(10));
        redis.call("CONFIG", "RESETSTAT");
        for (int i = 0; i < 12; i++) { // 6 s: three drift intervals
            given().get("/metrics").then().statusCode(200);
            Pace.hold(Duration.ofMillis(500)); // the scrape interval
        }
        assertEquals(0, calls(redis, "config|get"), "scraped every 0.5 s with the settings in place: no CONFIG GET");
        assertTrue(calls(redis, "info") <= 13, "one INFO per scrape, no drift poll: " + calls(redis, "info"));

        redis.call("CONFIG", "RESETSTAT");
        long start = System.nanoTime();
        long[] own = {0}; // the INFO commandstats this test sends counts too
        Eventually.within(Duration.ofSeconds(10), "two drift polls", () -> calls(redis, "info") - own[0]++ >= 2);
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(seconds > 3 && seconds < 6, "nobody scraping: a poll every 2 s, two in " + seconds + " s");
        assertEquals(0, calls(redis, "config|get"), "INFO shows both parameters: no CONFIG GET");

        redis.call("CONFIG", "SET", "maxmemory-policy", "noeviction");
        long undone = Eventually.within(Duration.ofSeconds(5), "the typed policy undone", () -> "allkeys-lru".equals(
                redis.config("maxmemory-policy")));
        assertTrue(undone < Duration.ofMillis(2_500).toNanos(), "undone within the drift interval, not "
                + undone / 1_000_000 + " ms");
    }

    static long calls(RedisServer redis, String command) throws Exception {
        String stats = redis.call("INFO", "commandstats");
        String key = "cmdstat_" + command + ":calls=";
        int at = stats.indexOf(key);
        return at < 0 ? 0 : Long.parseLong(stats.substring(at + key.length()).split(",")[0]);
    }
}
