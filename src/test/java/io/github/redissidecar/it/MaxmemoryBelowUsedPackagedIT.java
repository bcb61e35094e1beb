package io.github.redissidecar.it;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link MaxmemoryBelowUsedTest} against the packaged artifact: the jar here, the native executable where built. */
@QuarkusIntegrationTest
class MaxmemoryBelowUsedPackagedIT extends MaxmemoryBelowUsedTest {
}
