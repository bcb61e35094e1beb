package io.github.redissidecar.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.redissidecar.testing.RedisServerResource;
import io.github.redissidecar.testing.Scrape;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A server certificate from a CA we do not trust is refused: redis_up 0 and a tls poll error. */
@QuarkusTest
@WithTestResource(value = RedisServerResource.class, initArgs = {
    @ResourceArg(name = "tls", value = "true"),
    @ResourceArg(name = "args", value = TlsTest.TLS_SERVER_ARGS),
    @ResourceArg(name = "sidecar.redis.address", value = "rediss://127.0.0.1:{port}"),
    @ResourceArg(name = "sidecar.redis.tls.ca-file", value = "{dir}/other-ca.crt")})
class TlsUntrustedTest {

    @Test
    void refusesTheServer() {
        Scrape s = Scrape.await(x -> x.get("redis_sidecar_poll_errors_total{reason=\"tls\"}") >= 1,
                Duration.ofSeconds(10));
        assertEquals(0.0, s.get("redis_up"));
    }
}
