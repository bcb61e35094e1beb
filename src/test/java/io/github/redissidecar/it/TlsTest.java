package io.github.redissidecar.it;

import io.github.redissidecar.testing.RedisServerResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** rediss:// against redis-server's --tls-port, trusting a CA generated for this test. */
@QuarkusTest
@WithTestResource(value = RedisServerResource.class, initArgs = {
    @ResourceArg(name = "tls", value = "true"),
    @ResourceArg(name = "args", value = "--tls-port|{port}|--tls-cert-file|{dir}/server.crt|--tls-key-file|"
            + "{dir}/server.key|--tls-ca-cert-file|{dir}/ca.crt|--tls-auth-clients|no"),
    @ResourceArg(name = "sidecar.redis.address", value = "rediss://127.0.0.1:{port}"),
    @ResourceArg(name = "sidecar.redis.tls.ca-file", value = "{dir}/ca.crt")})
class TlsTest {

    @Test
    void pollsOverTls() {
        AuthRequirePassTest.assertPollingWithoutAuthErrors();
    }
}
