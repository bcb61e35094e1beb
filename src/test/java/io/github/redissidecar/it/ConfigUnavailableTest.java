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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** CONFIG renamed away, as on many managed Redis: report-only with the metric, monitoring goes on. */
@QuarkusTest
@WithTestResource(value = RedisServerResource.class, initArgs = {
    @ResourceArg(name = "args", value = "--rename-command|CONFIG|"),
    @ResourceArg(name = "sidecar.settings", value = "maxmemory 64mb"),
    @ResourceArg(name = "sidecar.drift-check-interval", value = "1s")})
class ConfigUnavailableTest {

    @InjectRedis
    RedisServer redis;

    @Test
    void enforcementIsUnavailableAndPollingContinues() throws Exception {
        Scrape s = Scrape.await(x -> x.get("redis_up") == 1 && x.has("redis_sidecar_enforcement_available")
                && x.get("redis_sidecar_enforcement_available") == 0, Duration.ofSeconds(10));
        assertEquals(1, s.get("redis_up"));
        // Two more checks, each refused (Redis counts the error replies), must not log again.
        long errors = redis.infoField("stats", "total_error_replies");
        Eventually.within(Duration.ofSeconds(10), Duration.ofMillis(100), "two more refused checks",
                () -> redis.infoField("stats", "total_error_replies") >= errors + 2);
        Scrape later = Scrape.now();
        assertEquals(1, later.get("redis_up"));
        long lines = Files.readAllLines(Path.of("target/sidecar-test.log")).stream()
                .filter(l -> l.contains("Cannot read Redis settings") && l.contains(redis.address())).count();
        assertEquals(1, lines, "one log line, no retry storm");
    }
}
