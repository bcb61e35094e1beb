package io.github.redissidecar.it;

import io.github.redissidecar.testing.RedisServerResource;
import io.github.redissidecar.testing.Scrape;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The password comes from a file (a mounted Secret), with the trailing newline such files usually have. */
@QuarkusTest
@WithTestResource(value = RedisServerResource.class, initArgs = {
    @ResourceArg(name = "args", value = "--requirepass|from-a-file"),
    @ResourceArg(name = "password-file-content", value = "from-a-file\n")})
class AuthPasswordFileTest {

    @Test
    void polls() {
        Scrape.awaitUpWithoutAuthErrors();
    }
}
