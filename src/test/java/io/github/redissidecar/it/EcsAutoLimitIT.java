package io.github.redissidecar.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.redissidecar.testing.EcsMetadataStandIn;
import io.github.redissidecar.testing.RedisServer;
import io.github.redissidecar.testing.SidecarProcess;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The ECS example's setup as the packaged sidecar runs it: {@code SIDECAR_CONTAINER_MEMORY_LIMIT=auto} with
 * {@code ECS_CONTAINER_METADATA_URI_V4} set (here a stand-in on 127.0.0.1 serving the documented task JSON): the
 * limit is the task's 2048 MiB, and {@code maxmemory 33.25%} becomes the seed's floor(task_memory x 0.35 x 0.95).
 */
class EcsAutoLimitIT {

    @Test
    void autoReadsTheTaskLimitAndThePercentageFollowsIt() throws Exception {
        try (RedisServer redis = new RedisServer("--save", "").start();
                EcsMetadataStandIn ecs = EcsMetadataStandIn.start();
                SidecarProcess sidecar = SidecarProcess.start(Map.of("REDIS_ADDR", redis.address(),
                        "SIDECAR_CONTAINER_MEMORY_LIMIT", "auto", "ECS_CONTAINER_METADATA_URI_V4", ecs.uri(),
                        "SIDECAR_SETTINGS", "maxmemory 33.25%\nmaxmemory-policy allkeys-lru"))) {
            sidecar.awaitMetrics("redis_sidecar_container_memory_limit_bytes " + EcsMetadataStandIn.TASK_BYTES);
            long expected = (long) Math.floor(EcsMetadataStandIn.TASK_BYTES * 0.35 * 0.95);
            sidecar.awaitMetrics(m -> {
                try {
                    return redis.config("maxmemory").equals(Long.toString(expected));
                } catch (java.io.IOException e) {
                    return false;
                }
            }, "maxmemory " + expected + " in Redis");
            assertEquals(Long.toString(expected), redis.config("maxmemory"));
        }
    }
}
