package io.github.redissidecar.it;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link ExpositionTest} against the packaged artifact: the jar here, the native executable where built. */
@QuarkusIntegrationTest
class ExpositionPackagedIT extends ExpositionTest {
}
