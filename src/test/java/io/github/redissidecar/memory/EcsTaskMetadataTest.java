package io.github.redissidecar.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class EcsTaskMetadataTest {

    @Test
    void theTaskLimitInMibNotAContainersOwn() throws Exception {
        String documented = Files.readString(Path.of("src/test/resources/ecs/task-metadata-v4-fargate.json"));
        assertEquals(OptionalLong.of(2048L * 1024 * 1024), EcsTaskMetadata.taskMemoryLimit(documented));
    }

    @Test
    void noTaskLimitOrNotJsonIsNoLimit() {
        assertEquals(OptionalLong.empty(), EcsTaskMetadata.taskMemoryLimit("{\"Limits\": {\"CPU\": 0.5}}"));
        assertEquals(OptionalLong.empty(), EcsTaskMetadata.taskMemoryLimit("{\"Limits\": {\"Memory\": 0}}"));
        assertEquals(OptionalLong.empty(), EcsTaskMetadata.taskMemoryLimit("404 page not found"));
        assertEquals(OptionalLong.empty(), EcsTaskMetadata.taskMemoryLimit(""));
    }
}
