package io.github.redissidecar.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.redissidecar.testing.EcsMetadataStandIn;
import io.github.redissidecar.testing.EmfChecks;
import io.github.redissidecar.testing.RedisServer;
import io.github.redissidecar.testing.RespClient;
import io.github.redissidecar.testing.SidecarProcess;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An ECS task as the sidecar sees it, with CloudWatch EMF on: a password-protected cache Redis that fills and
 * evicts, is killed and comes back, and the stand-in task metadata endpoint. What CloudWatch would extract from
 * the sidecar's stdout: valid EMF documents, the task's stable dimensions, evictions per interval that add up to
 * exactly what Redis evicted across the restart, and never the password.
 */
@Timeout(180)
class CloudWatchEmfIT {

    private static final String PASSWORD = "emf-secret-9f3a1c";

    @Test
    void documentsAreValidAndTheirIntervalsAddUpAcrossARestart() throws Exception {
        try (RedisServer redis = new RedisServer("--requirepass", PASSWORD).start();
                EcsMetadataStandIn ecs = EcsMetadataStandIn.start();
                SidecarProcess sidecar = SidecarProcess.start(Map.of("REDIS_ADDR", redis.address(),
                        "REDIS_PASSWORD", PASSWORD, "SIDECAR_CONTAINER_MEMORY_LIMIT", "auto",
                        "ECS_CONTAINER_METADATA_URI_V4", ecs.uri(), "SIDECAR_SETTINGS",
                        "maxmemory 4mb\nmaxmemory-policy allkeys-lru", "SIDECAR_CLOUDWATCH_EMF", "true",
                        "SIDECAR_CLOUDWATCH_EMF_INTERVAL", "1s", "SIDECAR_CLOUDWATCH_REDIS_NAME", "cache"))) {
            sidecar.awaitMetrics("redis_sidecar_container_memory_usage_bytes "
                    + EcsMetadataStandIn.REDIS_CONTAINER_BYTES);
            // The first document has no interval yet: what Redis evicts before it is in no document.
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !documents(sidecar.output()).isEmpty());
            long before = fill(redis, "a");
            awaitEvicted(sidecar, before);
            redis.kill();
            redis.restart();
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> redis.config("maxmemory").equals("4194304"));
            long after = fill(redis, "b");
            List<JsonNode> docs = awaitEvicted(sidecar, before + after);

            JsonNode last = docs.get(docs.size() - 1);
            assertEquals("default", last.path("ClusterName").asText());
            assertEquals("redis-cache", last.path("TaskFamily").asText());
            assertEquals("cache", last.path("RedisName").asText());
            assertEquals(EcsMetadataStandIn.TASK_BYTES, last.path("ContainerMemoryLimit").asLong());
            assertEquals(EcsMetadataStandIn.REDIS_CONTAINER_BYTES, last.path("ContainerMemoryUsed").asLong());
            assertEquals(0, last.path("MemoryUnbounded").asInt());
            assertTrue(sum(docs, "RedisRestarts") >= 1, "RedisRestarts counts the kill");
            assertTrue(sum(docs, "SettingsRestored") >= 2, "maxmemory and the policy back after the restart");
            docs.forEach(d -> assertTrue(d.path("EvictedKeys").asLong(0) >= 0, d.toString()));
            String output = sidecar.output();
            assertFalse(output.contains(PASSWORD), "the password never reaches stdout");
        }
    }

    // Writes 1 KB values into a 4 MB Redis until it has evicted; returns what it evicted.
    private static long fill(RedisServer redis, String prefix) throws Exception {
        String value = "x".repeat(1024);
        try (RespClient client = redis.client()) {
            for (int i = 0; i < 12_000; i++) {
                client.call("SET", prefix + ":" + i, value);
            }
            return Long.parseLong(client.text("INFO", "stats").lines().filter(l -> l.startsWith("evicted_keys:"))
                    .findFirst().orElseThrow().substring("evicted_keys:".length()).strip());
        }
    }

    // Waits until the documents' EvictedKeys add up to what Redis evicted; checks every line on the way.
    private static List<JsonNode> awaitEvicted(SidecarProcess sidecar, long evicted) {
        AtomicReference<List<JsonNode>> docs = new AtomicReference<>(List.of());
        try {
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
                docs.set(documents(sidecar.output()));
                long counted = sum(docs.get(), "EvictedKeys");
                assertTrue(counted <= evicted, "evictions counted twice: " + counted + " > " + evicted);
                return counted == evicted;
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("the documents count " + sum(docs.get(), "EvictedKeys") + " evictions, Redis "
                    + evicted + "; per document: " + docs.get().stream().map(d -> d.path("RedisUp").asText() + "/"
                    + d.path("EvictedKeys").asText("-")).toList(), e);
        }
        assertTrue(evicted > 1000, "the fill evicted: " + evicted);
        return docs.get();
    }

    private static List<JsonNode> documents(String output) {
        List<String> lines = output.lines().filter(l -> l.startsWith("{")).toList();
        for (String line : lines) {
            assertEquals(List.of(), EmfChecks.problems(line), line);
        }
        output.lines().filter(l -> !l.startsWith("{")).forEach(l -> assertFalse(l.contains("\"_aws\""), l));
        return lines.stream().map(EmfChecks::read).filter(d -> d.has("RedisUp")).toList();
    }

    private static long sum(List<JsonNode> docs, String metric) {
        return docs.stream().mapToLong(d -> d.path(metric).asLong(0)).sum();
    }
}
