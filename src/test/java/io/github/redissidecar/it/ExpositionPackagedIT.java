package io.github.redissidecar.it;

import io.github.redissidecar.testing.ServerUnderTest;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.Tag;

/** {@link ExpositionTest} against the packaged artifact: the jar here, the native executable where built. */
@QuarkusIntegrationTest
@Tag(ServerUnderTest.MATRIX)
class ExpositionPackagedIT extends ExpositionTest {
}
