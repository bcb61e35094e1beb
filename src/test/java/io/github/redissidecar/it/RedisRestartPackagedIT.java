package io.github.redissidecar.it;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link RedisRestartTest} against the packaged artifact: the jar here, the native executable where built. */
@QuarkusIntegrationTest
class RedisRestartPackagedIT extends RedisRestartTest {
}
