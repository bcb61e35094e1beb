package io.github.redissidecar.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.redissidecar.testing.RedisServer;
import io.github.redissidecar.testing.SidecarProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What docker/Dockerfile.jvm promises, without Docker: the packaged jar runs with the image's JAVA_OPTS, and the
 * HEALTHCHECK command (the jar's own {@code healthcheck} mode) says 0 while the sidecar serves and 1 when it does not.
 */
class DockerfileJvmIT {

    static List<String> javaOpts() throws Exception {
        Matcher m = Pattern.compile("ENV JAVA_OPTS=\"(.*?)\"", Pattern.DOTALL)
                .matcher(Files.readString(Path.of("docker/Dockerfile.jvm")));
        assertTrue(m.find(), "no JAVA_OPTS in docker/Dockerfile.jvm");
        return Arrays.stream(m.group(1).replace("\\\n", " ").trim().split("\\s+")).toList();
    }

    @Test
    void runsWithTheImageFlagsAndTheHealthcheckFollowsTheSidecar() throws Exception {
        try (RedisServer redis = new RedisServer().start()) {
            SidecarProcess sidecar = SidecarProcess.start(Map.of("REDIS_ADDR", redis.address()), javaOpts());
            try (sidecar) {
                sidecar.awaitMetrics("redis_up 1");
                assertEquals(0, sidecar.healthcheck());
            }
            assertEquals(1, sidecar.healthcheck(), "a stopped sidecar is unhealthy");
        }
    }
}
