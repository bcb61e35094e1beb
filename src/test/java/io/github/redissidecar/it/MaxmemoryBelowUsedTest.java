package io.github.redissidecar.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.redissidecar.testing.Eventually;
import io.github.redissidecar.testing.InjectRedis;
import io.github.redissidecar.testing.RedisServer;
import io.github.redissidecar.testing.RedisServerResource;
import io.github.redissidecar.testing.Scrape;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A long-running Redis (up before the sidecar, beyond SIDECAR_ADOPT_AFTER) holding 100 MB, and a newly declared
 * maxmemory of 48 MB: the limit is not applied, not a key is lost, and the state is loud (Redis has no memory limit
 * in a limited container, the setting is blocked, /status says so in words). A restart reloads the same dataset
 * and changes nothing (the limit was never in force); the limit is applied once it is safe.
 */
@QuarkusTest
@WithTestResource(value = RedisServerResource.class, initArgs = {
    @ResourceArg(name = "args", value = "--enable-debug-command|yes"),
    @ResourceArg(name = "populate", value = "100000:1000"),
    @ResourceArg(name = "age-seconds", value = "2"),
    @ResourceArg(name = "sidecar.adopt-after", value = "0s"),
    @ResourceArg(name = "sidecar.container-memory-limit", value = "256mb"),
    @ResourceArg(name = "sidecar.settings", value = "maxmemory 48mb\nmaxmemory-policy allkeys-lru"),
    @ResourceArg(name = "sidecar.drift-check-interval", value = "1s")})
class MaxmemoryBelowUsedTest {

    private static final String BLOCKED =
            "redis_sidecar_enforcement_blocked{parameter=\"maxmemory\",reason=\"below_used_memory\"}";

    @InjectRedis
    RedisServer redis;

    @Test
    void anAdoptedRedisIsNotShrunkButTheMissingLimitIsLoudAndTheLimitLandsOnceSafe() throws Exception {
        Scrape s = Scrape.await(x -> x.has(BLOCKED), Duration.ofSeconds(10));
        assertEquals(1, s.get(BLOCKED));
        assertEquals(1, s.get("redis_sidecar_memory_unbounded"), "no limit in a 256 MB container");
        assertEquals(1, s.get("redis_sidecar_config_drift{parameter=\"maxmemory\"}"));
        assertEquals("allkeys-lru", redis.config("maxmemory-policy"), "the safe setting is applied");
        given().get("/status").then().statusCode(200)
                .body("memory.unbounded", org.hamcrest.Matchers.equalTo(true))
                .body("problems", hasItem(containsString("Redis has no memory limit (maxmemory 0)")))
                .body("problems", hasItem(containsString("Redis keeps running with NO memory limit")))
                .body("settings.parameters[0].blocked_reason", org.hamcrest.Matchers.equalTo("below_used_memory"));
        Scrape.awaitPolls(3); // each poll judges the blocked limit again, on its used_memory
        assertEquals("100000", redis.call("DBSIZE"), "no key evicted");
        assertEquals("0", redis.config("maxmemory"));

        redis.call("SAVE");
        // A snapshot of 100,000 keys without a TTL under allkeys-lru: once the limit lands, eviction drops them.
        String evicts = "maxmemory-policy allkeys-lru on a Redis that persists its data (RDB), and 100 % of its keys "
                + "have no TTL: at maxmemory it evicts any key";
        Eventually.within(Duration.ofSeconds(10), "/status says what allkeys-lru does to persisted keys", () ->
                given().get("/status").then().extract().<java.util.List<String>>path("problems").stream()
                        .anyMatch(p -> p.startsWith(evicts)));
        redis.restart(); // the same dataset comes back: the limit was never in force, so it is still a change
        Scrape.await(x -> x.value("redis_sidecar_restarts_detected_total").orElse(0) == 1 && x.has(BLOCKED)
                && x.value("redis_sidecar_last_restart_settings_restored").orElse(-1) == 0, Duration.ofSeconds(10));
        Scrape.awaitPolls(3);
        assertEquals("100000", redis.call("DBSIZE"), "no key evicted after the restart either");
        assertEquals("0", redis.config("maxmemory"));
        assertEquals("allkeys-lru", redis.config("maxmemory-policy"), "what was in force is put back");

        // The test's own doing: now the limit is safe. Nobody scrapes from here on, so the last poll ages; the
        // drift check polls again rather than act on its used_memory, and the limit lands within seconds.
        redis.call("FLUSHALL");
        Eventually.within(Duration.ofSeconds(5), "maxmemory applied once safe",
                () -> "50331648".equals(redis.config("maxmemory")));
        Scrape after = Scrape.await(x -> !x.has(BLOCKED) && x.get("redis_sidecar_memory_unbounded") == 0,
                Duration.ofSeconds(3));
        assertEquals(0, after.get("redis_sidecar_config_drift{parameter=\"maxmemory\"}"));
    }
}
