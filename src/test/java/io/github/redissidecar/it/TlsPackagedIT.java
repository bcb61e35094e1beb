package io.github.redissidecar.it;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link TlsTest} against the packaged artifact: the jar here, the native executable where built. */
@QuarkusIntegrationTest
class TlsPackagedIT extends TlsTest {
}
