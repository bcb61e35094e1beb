package io.github.redissidecar.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.redissidecar.testing.Eventually;
import io.github.redissidecar.testing.InjectRedis;
import io.github.redissidecar.testing.RedisServer;
import io.github.redissidecar.testing.RedisServerResource;
import io.github.redissidecar.testing.Scrape;
import io.github.redissidecar.testing.ServerUnderTest;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A Redis started without memory settings gets them, gets them back after every kind of restart, and a hand-typed
 * CONFIG SET is undone at the next poll (INFO reports maxmemory on every poll), not at the 30 s drift interval.
 */
@QuarkusTest
@WithTestResource(value = RedisServerResource.class, initArgs = {
    @ResourceArg(name = "sidecar.settings", value = "maxmemory 64mb\nmaxmemory-policy allkeys-lru"),
    // A poll every second whatever the scrapes: the documented way to have drift undone within a second.
    @ResourceArg(name = "sidecar.poll.interval", value = "1s")})
@Tag(ServerUnderTest.MATRIX)
class SettingsEnforcementTest {

    private static final String SIXTY_FOUR_MB = "67108864";

    @InjectRedis
    RedisServer redis;

    @Test
    void setsOnStartupAndRestoresAfterKillAndShutdownCountingEachRestartOnce() throws Exception {
        awaitSettings(Duration.ofSeconds(10));
        Scrape startup = Scrape.await(s -> s.has(reasserts("maxmemory", "startup")), Duration.ofSeconds(5));
        assertEquals(1, startup.get(reasserts("maxmemory-policy", "startup")));
        assertEquals(0, startup.get("redis_sidecar_config_drift{parameter=\"maxmemory\"}"));
        assertEquals(1, startup.get("redis_sidecar_enforcement_available"));

        redis.restart(); // kill -9; returns once the new server answers PING
        long killRestore = awaitSettings(Duration.ofSeconds(5));
        Scrape afterKill = Scrape.await(s -> s.get("redis_sidecar_restarts_detected_total") >= 1,
                Duration.ofSeconds(5));
        assertEquals(1, afterKill.get("redis_sidecar_restarts_detected_total"), "one restart, counted once");
        assertEquals(1, afterKill.get(reasserts("maxmemory", "restart")));

        redis.shutdownNoSave();
        redis.start();
        long shutdownRestore = awaitSettings(Duration.ofSeconds(5));
        Scrape afterShutdown = Scrape.await(s -> s.get("redis_sidecar_restarts_detected_total") >= 2,
                Duration.ofSeconds(5));
        assertEquals(2, afterShutdown.get("redis_sidecar_restarts_detected_total"));
        assertTrue(afterShutdown.has("redis_sidecar_last_restart_unprotected_seconds"));
        System.out.printf("settings restored %d ms after kill -9 restart, %d ms after SHUTDOWN NOSAVE restart%n",
                killRestore / 1_000_000, shutdownRestore / 1_000_000);
    }

    @Test
    void aHandTypedConfigSetIsCorrectedAtTheNextPoll() throws Exception {
        awaitSettings(Duration.ofSeconds(10));
        Scrape.await(s -> s.has(reasserts("maxmemory", "startup")), Duration.ofSeconds(5));
        redis.call("CONFIG", "SET", "maxmemory", "0");
        long nanos = awaitSettings(Duration.ofSeconds(2));
        Scrape.await(s -> s.has(reasserts("maxmemory", "drift")), Duration.ofSeconds(2));
        System.out.printf("hand-typed maxmemory 0 undone after %d ms (poll every 1 s)%n", nanos / 1_000_000);
        given().get("/status").then().statusCode(200)
                .body("settings.mode", equalTo("enforce"))
                .body("settings.parameters[0].parameter", equalTo("maxmemory"))
                .body("settings.parameters[0].desired", equalTo(SIXTY_FOUR_MB))
                .body("settings.parameters[0].written", equalTo("64mb"))
                .body("settings.parameters[0].drift", equalTo(false))
                .body("redis.address", equalTo(redis.address()));
    }

    private long awaitSettings(Duration timeout) throws Exception {
        return Eventually.within(timeout, "maxmemory 64mb and allkeys-lru",
                () -> SIXTY_FOUR_MB.equals(redis.config("maxmemory"))
                        && "allkeys-lru".equals(redis.config("maxmemory-policy")));
    }

    private static String reasserts(String parameter, String trigger) {
        return "redis_sidecar_config_reasserts_total{parameter=\"" + parameter + "\",trigger=\"" + trigger + "\"}";
    }
}
