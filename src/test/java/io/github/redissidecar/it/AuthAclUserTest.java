package io.github.redissidecar.it;

import io.github.redissidecar.testing.RedisServerResource;
import io.github.redissidecar.testing.Scrape;
import io.github.redissidecar.testing.ServerUnderTest;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** An ACL user with the default user switched off. */
@QuarkusTest
@WithTestResource(value = RedisServerResource.class, initArgs = {
    @ResourceArg(name = "args", value = "--user|monitor|on|>monitor-pw|~*|+@all|--user|default|off"),
    @ResourceArg(name = "sidecar.redis.user", value = "monitor"),
    @ResourceArg(name = "sidecar.redis.password", value = "monitor-pw")})
@Tag(ServerUnderTest.MATRIX)
class AuthAclUserTest {

    @Test
    void polls() {
        Scrape.awaitUpWithoutAuthErrors();
    }
}
