package io.github.redissidecar.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.redissidecar.testing.SidecarProcess;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;

/**
 * Other servers than Debian's 7.0: Redis 6.2 (single-section INFO, so the fallback path), 7.4 and Valkey 8. Extra
 * coverage where a Docker engine exists; the suite does not depend on it.
 */
@Testcontainers(disabledWithoutDocker = true)
class RedisVersionsIT {

    @ParameterizedTest
    @ValueSource(strings = {"redis:6.2-alpine", "redis:7.4-alpine", "valkey/valkey:8-alpine"})
    void pollsAndExportsTheCoreSeries(String image) throws Exception {
        try (GenericContainer<?> redis = new GenericContainer<>(DockerImageName.parse(image)).withExposedPorts(6379)) {
            redis.start();
            String address = "redis://" + redis.getHost() + ":" + redis.getMappedPort(6379);
            try (SidecarProcess sidecar = SidecarProcess.start(Map.of("SIDECAR_REDIS_ADDRESS", address))) {
                String metrics = sidecar.awaitMetrics("redis_up 1");
                assertTrue(metrics.contains("\nredis_memory_used_bytes "), image);
                assertTrue(metrics.contains("\nredis_db_keys{db=\"db0\"} 0\n"), image);
                // The first poll's INFO shows up in commandstats from the second poll on (two INFOs on 6.2).
                sidecar.awaitMetrics(text -> text.contains("\nredis_commands_total{cmd=\"info\"} "), "info stats");
            }
        }
    }
}
