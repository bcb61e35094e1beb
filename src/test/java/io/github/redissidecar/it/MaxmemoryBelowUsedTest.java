package io.github.redissidecar.it;

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

/** 100 MB of keys and a desired maxmemory of 64 MB: not applied, not a key lost; applied once it is safe. */
@QuarkusTest
@WithTestResource(value = RedisServerResource.class, initArgs = {
    @ResourceArg(name = "args", value = "--enable-debug-command|yes"),
    @ResourceArg(name = "populate", value = "100000:1000"),
    @ResourceArg(name = "sidecar.settings", value = "maxmemory 64mb\nmaxmemory-policy allkeys-lru"),
    @ResourceArg(name = "sidecar.drift-check-interval", value = "1s")})
class MaxmemoryBelowUsedTest {

    private static final String BLOCKED =
            "redis_sidecar_enforcement_blocked{parameter=\"maxmemory\",reason=\"below_used_memory\"}";

    @InjectRedis
    RedisServer redis;

    @Test
    void blockedWhileUnsafeAndAppliedWhenSafe() throws Exception {
        Scrape s = Scrape.await(x -> x.has(BLOCKED), Duration.ofSeconds(10));
        assertEquals(1, s.get(BLOCKED));
        assertEquals("allkeys-lru", redis.config("maxmemory-policy"), "the safe setting is applied");
        Thread.sleep(2_500);
        assertEquals("100000", redis.call("DBSIZE"), "no key evicted");
        assertEquals("0", redis.config("maxmemory"));

        redis.call("FLUSHALL"); // the test's own doing: now the limit is safe
        Eventually.within(Duration.ofSeconds(5), "maxmemory applied once safe",
                () -> "67108864".equals(redis.config("maxmemory")));
        Scrape.await(x -> !x.has(BLOCKED), Duration.ofSeconds(3));
    }
}
