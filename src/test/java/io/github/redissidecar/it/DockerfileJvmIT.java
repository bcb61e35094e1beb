package io.github.redissidecar.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.redissidecar.testing.DockerfileJvm;
import io.github.redissidecar.testing.RedisServer;
import io.github.redissidecar.testing.SidecarProcess;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What docker/Dockerfile.jvm promises, without Docker: the packaged jar runs with the image's JAVA_OPTS, and the
 * HEALTHCHECK command (the jar's own {@code healthcheck} mode) says 0 while the sidecar serves and 1 when it does not.
 */
class DockerfileJvmIT {

    @Test
    void runsWithTheImageFlagsAndTheHealthcheckFollowsTheSidecar() throws Exception {
        try (RedisServer redis = new RedisServer().start()) {
            Map<String, String> env = new java.util.HashMap<>(DockerfileJvm.environment());
            env.put("REDIS_ADDR", redis.address());
            SidecarProcess sidecar = SidecarProcess.start(env, DockerfileJvm.javaOpts());
            try (sidecar) {
                sidecar.awaitMetrics("redis_up 1");
                assertEquals(0, sidecar.healthcheck());
            }
            assertEquals(1, sidecar.healthcheck(), "a stopped sidecar is unhealthy");
        }
    }
}
