package io.github.redissidecar.it;

import io.github.redissidecar.testing.RedisServerResource;
import io.github.redissidecar.testing.Scrape;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** rediss:// against redis-server's --tls-port, trusting a CA generated for this test. */
@QuarkusTest
@WithTestResource(value = RedisServerResource.class, initArgs = {
    @ResourceArg(name = "tls", value = "true"),
    @ResourceArg(name = "args", value = TlsTest.TLS_SERVER_ARGS),
    @ResourceArg(name = "sidecar.redis.address", value = "rediss://127.0.0.1:{port}"),
    @ResourceArg(name = "sidecar.redis.tls.ca-file", value = "{dir}/ca.crt")})
class TlsTest {

    /** redis-server listening with TLS only, on the test's port, with the certificate made by TlsFiles. */
    static final String TLS_SERVER_ARGS = "--tls-port|{port}|--tls-cert-file|{dir}/server.crt|--tls-key-file|"
            + "{dir}/server.key|--tls-ca-cert-file|{dir}/ca.crt|--tls-auth-clients|no";

    @Test
    void pollsOverTls() {
        Scrape.awaitUpWithoutAuthErrors();
    }
}
