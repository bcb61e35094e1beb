package io.github.redissidecar.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
 * While Redis loads a large RDB, used_memory is not final: a maxmemory that looks safe half-way through the load
 * would evict keys once the load completes. The sidecar waits for the load to finish (Redis refuses its connection
 * check with LOADING until then; a replica in full sync shows {@code loading:1} on a live connection instead), then
 * decides with the final used_memory.
 */
@QuarkusTest
@WithTestResource(value = RedisServerResource.class, initArgs = {
    @ResourceArg(name = "args", value = "--enable-debug-command|yes"),
    @ResourceArg(name = "populate", value = "1000000:100"),
    @ResourceArg(name = "sidecar.settings", value = "maxmemory 64mb\nmaxmemory-policy allkeys-lru"),
    @ResourceArg(name = "sidecar.drift-check-interval", value = "1s")})
class LoadingTest {

    private static final String BELOW_USED =
            "redis_sidecar_enforcement_blocked{parameter=\"maxmemory\",reason=\"below_used_memory\"}";

    @InjectRedis
    RedisServer redis;

    @Test
    void noKeyIsLostWhenRedisRestartsWithALargeDataset() throws Exception {
        Scrape.await(s -> s.has(BELOW_USED), Duration.ofSeconds(10));
        redis.call("SAVE");
        redis.restart(); // returns once the dataset is loaded
        Scrape after = Scrape.await(s -> s.get("redis_sidecar_restarts_detected_total") >= 1 && s.has(BELOW_USED),
                Duration.ofSeconds(20));
        Thread.sleep(1_500);
        assertEquals("1000000", redis.call("DBSIZE"), "no key evicted");
        assertEquals("0", redis.config("maxmemory"));
        assertEquals("allkeys-lru", redis.config("maxmemory-policy"));
        System.out.println("polls refused while loading: "
                + after.get("redis_sidecar_poll_errors_total{reason=\"loading\"}"));
    }
}
