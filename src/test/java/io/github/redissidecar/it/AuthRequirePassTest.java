package io.github.redissidecar.it;

import io.github.redissidecar.testing.RedisServerResource;
import io.github.redissidecar.testing.Scrape;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** requirepass, with a '$' in the password to prove it is taken literally when escaped. */
@QuarkusTest
@WithTestResource(value = RedisServerResource.class, initArgs = {
    @ResourceArg(name = "args", value = "--requirepass|Pa55-word$x"),
    @ResourceArg(name = "sidecar.redis.password", value = "Pa55-word\\$x")})
class AuthRequirePassTest {

    @Test
    void polls() {
        Scrape.awaitUpWithoutAuthErrors();
    }
}
