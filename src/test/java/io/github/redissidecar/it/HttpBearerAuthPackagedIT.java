package io.github.redissidecar.it;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link HttpBearerAuthTest} against the packaged artifact: the jar here, the native executable where built. */
@QuarkusIntegrationTest
class HttpBearerAuthPackagedIT extends HttpBearerAuthTest {
}
