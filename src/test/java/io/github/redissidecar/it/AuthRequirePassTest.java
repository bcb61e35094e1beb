package io.github.redissidecar.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.redissidecar.testing.RedisServerResource;
import io.github.redissidecar.testing.Scrape;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** requirepass, with a '$' in the password to prove it is taken literally when escaped. */
@QuarkusTest
@WithTestResource(value = RedisServerResource.class, initArgs = {
    @ResourceArg(name = "args", value = "--requirepass|Pa55-word$x"),
    @ResourceArg(name = "sidecar.redis.password", value = "Pa55-word\\$x")})
class AuthRequirePassTest {

    static void assertPollingWithoutAuthErrors() {
        Scrape s = Scrape.await(x -> x.get("redis_up") == 1, Duration.ofSeconds(10));
        assertEquals(0.0, s.get("redis_sidecar_poll_errors_total{reason=\"auth\",}"));
    }

    @Test
    void polls() {
        assertPollingWithoutAuthErrors();
    }
}
