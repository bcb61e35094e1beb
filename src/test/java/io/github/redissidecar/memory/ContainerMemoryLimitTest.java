package io.github.redissidecar.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.redissidecar.container.EcsTaskMetadataEndpoint;
import io.github.redissidecar.testing.EcsMetadataStandIn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContainerMemoryLimitTest {

    @TempDir
    Path root;

    @Test
    void sizesAndNothing() {
        Path none = root.resolve("none");
        assertEquals(OptionalLong.of(805306368), ContainerMemoryLimit.resolve("768Mi", none, none));
        assertEquals(OptionalLong.empty(), ContainerMemoryLimit.resolve(null, none, none));
        assertEquals(OptionalLong.empty(), ContainerMemoryLimit.resolve(" ", none, none));
    }

    @Test
    void badValueNamesTheKeyAndTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ContainerMemoryLimit.resolve("768 potatoes", root, root));
        assertTrue(e.getMessage().contains("SIDECAR_CONTAINER_MEMORY_LIMIT"), e.getMessage());
        assertTrue(e.getMessage().contains("'768 potatoes'"), e.getMessage());
    }

    @Test
    void autoReadsCgroupV2OfThisProcess() throws IOException {
        Path proc = Files.writeString(root.resolve("cgroup"), "0::/system.slice/redis.service\n");
        Files.createDirectories(root.resolve("system.slice/redis.service"));
        Files.writeString(root.resolve("system.slice/redis.service/memory.max"), "805306368\n");
        assertEquals(OptionalLong.of(805306368), ContainerMemoryLimit.resolve("auto", root, proc));
    }

    @Test
    void autoFallsBackToTheNamespaceRootAndSeesMaxAsNoLimit() throws IOException {
        Path proc = Files.writeString(root.resolve("cgroup"), "0::/\n");
        Files.writeString(root.resolve("memory.max"), "max\n");
        assertEquals(OptionalLong.empty(), ContainerMemoryLimit.resolve("AUTO", root, proc));
    }

    @Test
    void autoReadsCgroupV1AndItsHugeNoLimitValue() throws IOException {
        Path proc = Files.writeString(root.resolve("cgroup"), "12:memory:/docker/abc\n");
        Files.createDirectories(root.resolve("memory"));
        Files.writeString(root.resolve("memory/memory.limit_in_bytes"), "536870912\n");
        assertEquals(OptionalLong.of(536870912), ContainerMemoryLimit.resolve("auto", root, proc));
        Files.writeString(root.resolve("memory/memory.limit_in_bytes"), "9223372036854771712\n");
        assertEquals(OptionalLong.empty(), ContainerMemoryLimit.resolve("auto", root, proc));
    }

    @Test
    void autoOnEcsTakesTheTaskLimitFromTheMetadataEndpointNotTheSidecarsCgroup() throws Exception {
        Path proc = Files.writeString(root.resolve("cgroup"), "0::/\n");
        Files.writeString(root.resolve("memory.max"), "67108864\n"); // the sidecar's own 64 MiB
        try (EcsMetadataStandIn ecs = EcsMetadataStandIn.start()) {
            assertEquals(OptionalLong.of(EcsMetadataStandIn.TASK_BYTES),
                    ContainerMemoryLimit.resolve("auto", root, proc,
                    () -> EcsTaskMetadataEndpoint.taskMemoryLimit(ecs.uri())));
            assertEquals(OptionalLong.of(EcsMetadataStandIn.TASK_BYTES),
                    ContainerMemoryLimit.resolve("auto", root, proc,
                    () -> EcsTaskMetadataEndpoint.taskMemoryLimit(ecs.uri() + "/")));
            assertEquals(OptionalLong.of(67108864), ContainerMemoryLimit.resolve("auto", root, proc,
                    () -> EcsTaskMetadataEndpoint.taskMemoryLimit(ecs.uri().replace("/v4/", "/v3/"))),
                    "no task limit from the endpoint: the cgroup");
            assertEquals(OptionalLong.of(805306368), ContainerMemoryLimit.resolve("768Mi", root, proc,
                    () -> EcsTaskMetadataEndpoint.taskMemoryLimit(ecs.uri())),
                    "an explicit size wins");
        }
        String down = "http://127.0.0.1:" + io.github.redissidecar.testing.RedisServer.freePort() + "/v4/x";
        assertEquals(OptionalLong.of(67108864), ContainerMemoryLimit.resolve("auto", root, proc,
                () -> EcsTaskMetadataEndpoint.taskMemoryLimit(down)), "endpoint down: the cgroup");
    }
}
