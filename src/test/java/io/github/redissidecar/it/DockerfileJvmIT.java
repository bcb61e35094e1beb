package io.github.redissidecar.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.redissidecar.testing.DockerfileJvm;
import io.github.redissidecar.testing.RedisServer;
import io.github.redissidecar.testing.SidecarProcess;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What docker/Dockerfile.jvm promises, without Docker: the packaged jar runs with the image's JAVA_OPTS, and the
 * HEALTHCHECK command, run as Docker runs it (bash, no JVM), says 0 while the sidecar serves and 1 when it does not.
 */
class DockerfileJvmIT {

    @Test
    void runsWithTheImageFlagsAndTheHealthcheckFollowsTheSidecarWithoutAJvm() throws Exception {
        List<String> healthcheck = DockerfileJvm.healthcheck();
        assertFalse(String.join(" ", healthcheck).contains("java"), "the health check starts no JVM: " + healthcheck);
        try (RedisServer redis = new RedisServer().start()) {
            Map<String, String> env = new java.util.HashMap<>(DockerfileJvm.environment());
            env.put("REDIS_ADDR", redis.address());
            SidecarProcess sidecar = SidecarProcess.start(env, DockerfileJvm.javaOpts());
            try (sidecar) {
                sidecar.awaitMetrics("redis_up 1");
                assertEquals(0, run(healthcheck, sidecar.port()));
            }
            assertEquals(1, run(healthcheck, sidecar.port()), "a stopped sidecar is unhealthy");
        }
    }

    private static int run(List<String> command, int port) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        Process process = pb.start();
        assertTrue(process.waitFor(10, TimeUnit.SECONDS), "the health check ended within its 5 s timeout");
        return process.exitValue() == 0 ? 0 : 1;
    }
}
