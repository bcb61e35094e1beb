package io.github.redissidecar.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.redissidecar.testing.InjectRedis;
import io.github.redissidecar.testing.RedisServer;
import io.github.redissidecar.testing.RedisServerResource;
import io.github.redissidecar.testing.Scrape;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Report mode exports drift and never writes: CONFIG SET is never called. A hand-typed change of maxmemory is
 * reported at the next poll, and the drift series, /status and redis_config_maxmemory never disagree.
 */
@QuarkusTest
@WithTestResource(value = RedisServerResource.class, initArgs = {
    @ResourceArg(name = "sidecar.settings", value = "maxmemory 64mb\nmaxmemory-policy noeviction"),
    @ResourceArg(name = "sidecar.enforce", value = "report")})
class ReportModeTest {

    private static final String DRIFT = "redis_sidecar_config_drift{parameter=\"maxmemory\"}";

    @InjectRedis
    RedisServer redis;

    @Test
    void driftIsReportedAtTheNextPollAndNothingIsSet() throws Exception {
        Scrape s = Scrape.await(x -> x.has(DRIFT) && x.get(DRIFT) == 1, Duration.ofSeconds(10));
        assertEquals(0, s.get("redis_sidecar_config_drift{parameter=\"maxmemory-policy\"}"));
        assertEquals(0, s.get("redis_sidecar_enforcement_available"));
        assertEquals(1, s.get("redis_sidecar_enforcement_mode{mode=\"report\"}"));
        assertConsistent(s);

        redis.call("CONFIG", "SET", "maxmemory", "64mb"); // by hand: now in sync, seen at the next poll
        Scrape inSync = Scrape.await(x -> x.get(DRIFT) == 0, Duration.ofSeconds(2));
        assertConsistent(inSync);
        redis.call("CONFIG", "SET", "maxmemory", "0");
        long start = System.nanoTime();
        Scrape drifted = Scrape.await(x -> x.get(DRIFT) == 1, Duration.ofSeconds(2));
        System.out.printf("hand-typed maxmemory 0 reported after %d ms%n", (System.nanoTime() - start) / 1_000_000);
        for (int i = 0; i < 20; i++) { // scrapes and /status back to back, about 4 polls a second
            assertConsistent(Scrape.now());
            assertStatusConsistent();
        }
        assertConsistent(drifted);
        assertEquals("0", redis.config("maxmemory"));
        String configSet = redis.call("INFO", "commandstats").lines()
                .filter(l -> l.startsWith("cmdstat_config|set:")).findFirst().orElse("");
        assertEquals("calls=2", configSet.replaceAll(".*:(calls=\\d+),.*", "$1"), "only the test's own two sets");
        given().get("/status").then().body("settings.parameters[0].actual", equalTo("0"))
                .body("settings.parameters[0].drift", equalTo(true));
    }

    private static void assertConsistent(Scrape s) {
        boolean differs = s.get("redis_config_maxmemory") != 67108864;
        assertEquals(differs ? 1 : 0, s.get(DRIFT), s.text());
    }

    private static void assertStatusConsistent() {
        JsonPath status = given().get("/status").then().extract().jsonPath();
        long maxmemory = status.getLong("memory.maxmemory_bytes");
        assertEquals(Long.toString(maxmemory), status.getString("settings.parameters[0].actual"));
        assertEquals(maxmemory != 67108864, status.getBoolean("settings.parameters[0].drift"));
    }
}
