package io.github.redissidecar.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.redissidecar.testing.InjectRedis;
import io.github.redissidecar.testing.RedisServer;
import io.github.redissidecar.testing.RedisServerResource;
import io.github.redissidecar.testing.Scrape;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Report mode exports drift and never writes: CONFIG SET is never called. */
@QuarkusTest
@WithTestResource(value = RedisServerResource.class, initArgs = {
    @ResourceArg(name = "sidecar.settings", value = "maxmemory 64mb\nmaxmemory-policy noeviction"),
    @ResourceArg(name = "sidecar.enforce", value = "report"),
    @ResourceArg(name = "sidecar.drift-check-interval", value = "1s")})
class ReportModeTest {

    @InjectRedis
    RedisServer redis;

    @Test
    void driftIsReportedAndNothingIsSet() throws Exception {
        Scrape s = Scrape.await(x -> x.has("redis_sidecar_config_drift{parameter=\"maxmemory\"}")
                && x.get("redis_sidecar_config_drift{parameter=\"maxmemory\"}") == 1, Duration.ofSeconds(10));
        assertEquals(0, s.get("redis_sidecar_config_drift{parameter=\"maxmemory-policy\"}"));
        assertEquals(0, s.get("redis_sidecar_enforcement_available"));
        assertEquals(1, s.get("redis_sidecar_enforcement_mode{mode=\"report\"}"));
        Thread.sleep(2_500); // two drift checks
        assertEquals("0", redis.config("maxmemory"));
        assertFalse(redis.call("INFO", "commandstats").contains("cmdstat_config|set"),
                "CONFIG SET was called in report mode");
        given().get("/status").then().body("settings.parameters[0].actual", equalTo("0"))
                .body("settings.parameters[0].drift", equalTo(true));
    }
}
