package io.github.redissidecar.it;

import io.github.redissidecar.testing.RedisServerResource;
import io.github.redissidecar.testing.Scrape;
import io.github.redissidecar.testing.ServerUnderTest;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * An ACL user with the default user switched off; the user name and the password hold what a URL would misread
 * (the client takes them for HELLO from its connection URL, so they are encoded there).
 */
@QuarkusTest
@WithTestResource(value = RedisServerResource.class, initArgs = {
    @ResourceArg(name = "args", value = "--user|mon:it@or%20|on|>p@ss:w/rd%+ #?|~*|+@all|--user|default|off"),
    @ResourceArg(name = "sidecar.redis.user", value = "mon:it@or%20"),
    @ResourceArg(name = "sidecar.redis.password", value = "p@ss:w/rd%+ #?")})
@Tag(ServerUnderTest.MATRIX)
class AuthAclUserTest {

    @Test
    void polls() {
        Scrape.awaitUpWithoutAuthErrors();
    }
}
