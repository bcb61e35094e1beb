package io.github.redissidecar.cloudwatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.redissidecar.info.InfoParser;
import io.github.redissidecar.info.InfoSnapshot;
import io.github.redissidecar.keys.KeyGroupEstimate;
import io.github.redissidecar.testing.EmfChecks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** What an ECS user's alarms see: EMF documents, valid by the specification, with intervals right across restarts. */
class EmfReportTest {

    private static final long GIB = 1L << 30;
    private static final Set<String> ECS_DIMENSIONS = Set.of("ClusterName", "TaskFamily", "RedisName");

    private final EmfReport report = new EmfReport("RedisMemorySidecar", ecsDimensions(), 5);
    private long at = 1_764_756_000_000L;

    @Test
    void theFirstDocumentHasTheGaugesButNoIntervalYet() {
        JsonNode doc = main(write(info("run-a", 100, 90, 10, 0)));
        assertEquals(1, doc.path("RedisUp").asInt());
        assertEquals(700 << 20, doc.path("UsedMemory").asLong());
        assertEquals(70.0, doc.path("MemoryUsage").asDouble(), 0.01, "700 MiB of a 1000 MiB maxmemory");
        assertEquals(0, doc.path("MemoryUnbounded").asInt());
        assertFalse(doc.has("EvictedKeys"), "a lifetime total is not one interval's evictions: " + doc);
        assertFalse(doc.has("KeyspaceHitRatio"));
    }

    @Test
    void countersBecomeWhatHappenedInTheInterval() {
        write(info("run-a", 100, 90, 10, 1));
        JsonNode doc = main(write(info("run-a", 150, 190, 10, 3)));
        assertEquals(50, doc.path("EvictedKeys").asLong());
        assertEquals(100.0, doc.path("KeyspaceHitRatio").asDouble(), 1e-9, "100 hits and no miss in the interval");
        assertEquals(2, doc.path("RejectedWrites").asLong());
    }

    @Test
    void aRestartOrAResetstatNeverMakesANegativeInterval() {
        write(info("run-a", 5000, 900, 100, 0));
        JsonNode restarted = main(write(info("run-b", 7, 3, 1, 0)));
        assertEquals(7, restarted.path("EvictedKeys").asLong(), "counted since the restart: all in the interval");
        assertEquals(75.0, restarted.path("KeyspaceHitRatio").asDouble(), 1e-9);
        JsonNode reset = main(write(info("run-b", 2, 3, 1, 0)));
        assertEquals(2, reset.path("EvictedKeys").asLong(), "after CONFIG RESETSTAT: the new count, not -5");
    }

    @Test
    void anIntervalWithoutRedisSaysSoAndTheNextSpansTheOutage() {
        write(info("run-a", 100, 0, 0, 0));
        JsonNode down = main(report.documents(at += 60_000, inputs(Optional.empty(), OptionalLong.empty()), List.of()));
        assertEquals(0, down.path("RedisUp").asInt());
        assertFalse(down.has("UsedMemory") || down.has("EvictedKeys"), down.toString());
        assertEquals(40, main(write(info("run-a", 140, 0, 0, 0))).path("EvictedKeys").asLong());
    }

    @Test
    void oomKillRiskCountsWhatTheKernelCountsPlusTheForksCopy() {
        InfoSnapshot info = info("run-a", 0, 0, 0, 0);
        JsonNode rssOnly = main(report.documents(at += 60_000, inputs(Optional.of(info), OptionalLong.empty()),
                List.of()));
        assertEquals(100.0 * ((800 << 20) + (64 << 20)) / GIB, rssOnly.path("OOMKillRisk").asDouble(), 1e-6);
        JsonNode usage = main(report.documents(at += 60_000, inputs(Optional.of(info), OptionalLong.of(900L << 20)),
                List.of()));
        assertEquals(100.0 * ((900 << 20) + (64 << 20)) / GIB, usage.path("OOMKillRisk").asDouble(), 1e-6,
                "the container's usage, larger than RSS, is what the kernel kills on");
        assertEquals(900L << 20, usage.path("ContainerMemoryUsed").asLong());
    }

    @Test
    void noLimitInALimitedContainerIsUnbounded() {
        String text = infoText("run-a", 0, 0, 0, 0).replace("maxmemory:1048576000", "maxmemory:0");
        JsonNode doc = main(report.documents(at += 60_000, inputs(Optional.of(InfoParser.parse(text)),
                OptionalLong.empty()), List.of()));
        assertEquals(1, doc.path("MemoryUnbounded").asInt());
        assertEquals(0, doc.path("MaxMemory").asLong());
    }

    @Test
    void everyDocumentIsValidEmfWithStableDimensionsAndAtMostTheTopGroups() {
        List<KeyGroupEstimate> groups = IntStream.range(0, 40).mapToObj(i -> new KeyGroupEstimate(i % 2,
                "group-" + i, 1000.0 * i, 10, i, 1, 1, 3)).toList();
        write(info("run-a", 1, 1, 1, 0));
        List<String> lines = report.documents(at += 60_000, inputs(Optional.of(info("run-a", 2, 2, 2, 0)),
                OptionalLong.of(1L << 29)), groups);
        assertEquals(6, lines.size(), "the main document and the 5 largest groups: " + lines);
        for (String line : lines) {
            assertEquals(List.of(), EmfChecks.problems(line), line);
            assertTrue(line.length() < 4096, "one small log event");
        }
        Map<String, Set<String>> main = EmfChecks.declared(lines.get(0));
        main.values().forEach(d -> assertEquals(ECS_DIMENSIONS, d));
        JsonNode top = EmfChecks.read(lines.get(1));
        assertEquals("group-39", top.path("KeyGroup").asText());
        assertEquals("db1", top.path("Database").asText());
        assertEquals(39_000, top.path("KeyGroupMemory").asLong());
        assertEquals("default", top.path("ClusterName").asText(), "the name, not the cluster's ARN");
        assertEquals("redis-cache", top.path("TaskFamily").asText());
        assertFalse(String.join("\n", lines).contains("arn:aws"), "no task id or ARN in any dimension");
    }

    @Test
    void offEcsOnlyTheRedisNameIsADimension() {
        EmfDimensions plain = EmfDimensions.of(Optional.empty(), "state");
        assertEquals(Map.of("RedisName", "state"), plain.values());
        assertEquals(Map.of("RedisName", "state"), EmfDimensions.of(Optional.of("not json"), "state").values());
    }

    private List<String> write(InfoSnapshot info) {
        return report.documents(at += 60_000, inputs(Optional.of(info), OptionalLong.empty()), List.of());
    }

    private static EmfInputs inputs(Optional<InfoSnapshot> info, OptionalLong containerUsed) {
        return new EmfInputs(info, OptionalLong.of(GIB), containerUsed, 0, 0);
    }

    private static JsonNode main(List<String> lines) {
        return EmfChecks.read(lines.get(0));
    }

    private static InfoSnapshot info(String runId, long evicted, long hits, long misses, long oomErrors) {
        return InfoParser.parse(infoText(runId, evicted, hits, misses, oomErrors));
    }

    private static String infoText(String runId, long evicted, long hits, long misses, long oomErrors) {
        List<String> lines = new ArrayList<>(List.of("# Server", "redis_version:7.0.15", "run_id:" + runId,
                "# Clients", "connected_clients:12", "# Memory", "used_memory:" + (700 << 20),
                "used_memory_rss:" + (800 << 20), "maxmemory:1048576000", "maxmemory_policy:allkeys-lru",
                "mem_fragmentation_ratio:1.14", "# Persistence", "rdb_last_cow_size:" + (64 << 20),
                "aof_last_cow_size:0", "# Stats", "evicted_keys:" + evicted, "keyspace_hits:" + hits,
                "keyspace_misses:" + misses, "# Errorstats"));
        if (oomErrors > 0) {
            lines.add("errorstat_OOM:count=" + oomErrors);
        }
        return String.join("\r\n", lines) + "\r\n";
    }

    static EmfDimensions ecsDimensions() {
        try {
            return EmfDimensions.of(Optional.of(Files.readString(Path.of(
                    "src/test/resources/ecs/task-metadata-v4-fargate.json"))), "cache");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
