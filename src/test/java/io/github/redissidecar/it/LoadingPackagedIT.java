package io.github.redissidecar.it;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link LoadingTest} against the packaged artifact: the jar here, the native executable where built. */
@QuarkusIntegrationTest
class LoadingPackagedIT extends LoadingTest {
}
