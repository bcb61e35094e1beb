package io.github.redissidecar.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.redissidecar.testing.RedisServerResource;
import io.github.redissidecar.testing.Scrape;
import io.github.redissidecar.testing.ServerUnderTest;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A wrong password: redis_up 0, auth errors counted, and the password shown nowhere. */
@QuarkusTest
@WithTestResource(value = RedisServerResource.class, initArgs = {
    @ResourceArg(name = "args", value = "--requirepass|the-right-one"),
    @ResourceArg(name = "sidecar.redis.password", value = "Wr0ng-S3cret-7781")})
@Tag(ServerUnderTest.MATRIX)
class WrongPasswordTest {

    static final String SECRET = "Wr0ng-S3cret-7781";

    @Test
    void authFailureIsVisibleAndThePasswordIsNot() throws Exception {
        Scrape s = Scrape.await(x -> x.get("redis_sidecar_poll_errors_total{reason=\"auth\"}") >= 1,
                Duration.ofSeconds(10));
        assertEquals(0.0, s.get("redis_up"));
        assertFalse(s.text().contains(SECRET));
        String health = io.restassured.RestAssured.get("/q/health").asString();
        assertFalse(health.contains(SECRET));
        assertTrue(health.contains("\"auth\""), health);
        Path log = Path.of("target/sidecar-test.log");
        String logText = Files.readString(log);
        assertTrue(logText.contains("(auth)"), "the auth failure is logged");
        assertFalse(logText.contains(SECRET), "the password is never logged");
    }
}
