package io.github.redissidecar.it;

import io.github.redissidecar.testing.RedisServerResource;
import io.github.redissidecar.testing.Scrape;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** unix:///path, the usual way to reach a Redis in the same pod with a shared emptyDir. */
@QuarkusTest
@WithTestResource(value = RedisServerResource.class, initArgs = {
    @ResourceArg(name = "args", value = "--unixsocket|{dir}/redis.sock|--unixsocketperm|700"),
    @ResourceArg(name = "sidecar.redis.address", value = "unix://{dir}/redis.sock"),
    @ResourceArg(name = "quarkus.vertx.prefer-native-transport", value = "true")})
class UnixSocketTest {

    @Test
    void pollsOverTheSocket() {
        Scrape.awaitUpWithoutAuthErrors();
    }
}
