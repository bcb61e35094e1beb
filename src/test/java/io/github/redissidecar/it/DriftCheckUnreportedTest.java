package io.github.redissidecar.it;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.redissidecar.testing.Eventually;
import io.github.redissidecar.testing.InjectRedis;
import io.github.redissidecar.testing.Pace;
import io.github.redissidecar.testing.RedisServer;
import io.github.redissidecar.testing.RedisServerResource;
import io.github.redissidecar.testing.ServerUnderTest;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A declared parameter that INFO does not report (maxmemory-samples) is read with CONFIG GET once per
 * SIDECAR_DRIFT_CHECK_INTERVAL, however often Prometheus scrapes: a hand-typed change lasts at most that interval
 * at any scrape interval, and scrapes add no CONFIG GET.
 */
@QuarkusTest
@WithTestResource(value = RedisServerResource.class, initArgs = {
    @ResourceArg(name = "sidecar.settings", value = "maxmemory 64mb\nmaxmemory-samples 7"),
    @ResourceArg(name = "sidecar.drift-check-interval", value = "2s")})
@Tag(ServerUnderTest.MATRIX)
class DriftCheckUnreportedTest {

    @InjectRedis
    RedisServer redis;

    @Test
    void readOncePerIntervalWhateverTheScrapesAndATypedChangeLastsAtMostTheInterval() throws Exception {
        Eventually.within(Duration.ofSeconds(10), "maxmemory-samples 7", () -> "7".equals(
                redis.config("maxmemory-samples")));
        redis.call("CONFIG", "RESETSTAT");
        for (int i = 0; i < 12; i++) { // 6 s: three drift intervals
            given().get("/metrics").then().statusCode(200);
            Pace.hold(Duration.ofMillis(500)); // the scrape interval
        }
        long reads = DriftCheckCostTest.calls(redis, "config|get");
        assertTrue(reads >= 2 && reads <= 4, "scraped every 0.5 s: a CONFIG GET per 2 s, not per scrape: " + reads);

        redis.call("CONFIG", "SET", "maxmemory-samples", "3");
        long undone = Eventually.within(Duration.ofSeconds(5), "the typed value undone", () -> "7".equals(
                redis.config("maxmemory-samples")));
        assertTrue(undone < Duration.ofMillis(2_500).toNanos(), "undone within the drift interval, not "
                + undone / 1_000_000 + " ms");
    }
}
