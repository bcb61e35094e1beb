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

    @Test
    void redisContainersMemoryIsWhatTheKernelCountsFromTheRecordedStats() throws Exception {
        String task = Files.readString(Path.of("src/test/resources/ecs/task-metadata-v4-fargate.json"));
        String stats = Files.readString(Path.of("src/test/resources/ecs/task-stats-v4-fargate.json"));
        assertEquals(OptionalLong.of(912_680_550L - 39_817_216L),
                EcsTaskMetadata.containerMemoryUsed(task, stats, "redis"), "usage less the inactive page cache");
        assertEquals(OptionalLong.of(35_815_424L - 524_288L),
                EcsTaskMetadata.containerMemoryUsed(task, stats, "redis-memory-sidecar"), "by name, not the first");
        assertEquals(OptionalLong.empty(), EcsTaskMetadata.containerMemoryUsed(task, stats, "valkey"));
    }

    @Test
    void cgroupV1StatsAndMissingStatsToo() throws Exception {
        String task = Files.readString(Path.of("src/test/resources/ecs/task-metadata-v4-fargate.json"));
        String id = "e9028f8d5d8e4f258373e7b93ce9a3c3-2495160603";
        String v1 = "{\"" + id + "\": {\"memory_stats\": {\"usage\": 1000, \"stats\": {\"total_inactive_file\": 300}}}}";
        assertEquals(OptionalLong.of(700), EcsTaskMetadata.containerMemoryUsed(task, v1, "redis"));
        // A stopped container's stats are null: nothing, not 0.
        assertEquals(OptionalLong.empty(), EcsTaskMetadata.containerMemoryUsed(task, "{\"" + id + "\": null}",
                "redis"));
        assertEquals(OptionalLong.empty(), EcsTaskMetadata.containerMemoryUsed(task, "not json", "redis"));
    }
}
