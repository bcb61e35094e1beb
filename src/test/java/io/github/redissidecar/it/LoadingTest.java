package io.github.redissidecar.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * A restarted Redis refuses commands with LOADING while it reads a large RDB. The sidecar knocks every 50 ms
 * meanwhile, and the settings are back right after the load ends, not at the next tick; nothing is lost.
 */
@QuarkusTest
@WithTestResource(value = RedisServerResource.class, initArgs = {
    @ResourceArg(name = "args", value = "--enable-debug-command|yes"),
    @ResourceArg(name = "populate", value = "1000000:100"),
    @ResourceArg(name = "sidecar.settings", value = "maxmemory 1gb\nmaxmemory-policy allkeys-lru")})
class LoadingTest {

    @InjectRedis
    RedisServer redis;

    @Test
    void settingsAreBackRightAfterTheLoadEnds() throws Exception {
        Eventually.within(Duration.ofSeconds(10), "settings", () -> "1073741824".equals(redis.config("maxmemory")));
        redis.call("SAVE");
        redis.restart(); // returns once the dataset is loaded and PING answers
        long nanos = Eventually.within(Duration.ofSeconds(2), "settings back after the load",
                () -> "1073741824".equals(redis.config("maxmemory"))
                        && "allkeys-lru".equals(redis.config("maxmemory-policy")));
        assertTrue(nanos < 500_000_000L, "back " + nanos / 1_000_000 + " ms after the load ended");
        Scrape after = Scrape.await(s -> s.get("redis_sidecar_restarts_detected_total") == 1
                && s.get("redis_sidecar_last_restart_settings_restored") == 1, Duration.ofSeconds(5));
        assertEquals("1000000", redis.call("DBSIZE"), "nothing lost");
        System.out.printf("settings back %d ms after a 1M-key load; polls refused while loading: %.0f%n",
                nanos / 1_000_000, after.get("redis_sidecar_poll_errors_total{reason=\"loading\"}"));
    }
}
