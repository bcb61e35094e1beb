package io.github.redissidecar.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.redissidecar.info.InfoParser;
import io.github.redissidecar.info.InfoSnapshot;
import io.github.redissidecar.testing.InjectRedis;
import io.github.redissidecar.testing.RedisServer;
import io.github.redissidecar.testing.RedisServerResource;
import io.github.redissidecar.testing.RespClient;
import io.github.redissidecar.testing.Scrape;
import io.github.redissidecar.testing.ServerUnderTest;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** /metrics next to a real redis-server: redis_exporter's names and types, and values equal to INFO's. */
@QuarkusTest
@WithTestResource(value = RedisServerResource.class, initArgs = {
    @ResourceArg(name = "args", value = "--maxmemory|2mb|--maxmemory-policy|allkeys-lru"),
    @ResourceArg(name = "sidecar.container-memory-limit", value = "768Mi")})
@Tag(ServerUnderTest.MATRIX)
class MetricsEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @InjectRedis
    RedisServer redis;

    @Test
    void everyInfoDerivedNameOfRedisExporterAppearsWithItsType() throws Exception {
        try (RespClient c = redis.client()) {
            c.call("SET", "with-ttl", "v", "EX", "1000");
            c.call("GET", "missing");
            c.call("SET", "a", "b");
            c.call("INCR", "a");
        } catch (java.io.IOException expected) {
            // INCR on a non-number: the error reply feeds redis_errors_total.
        }
        Map<String, String> ours = Scrape.await(s -> s.has("redis_db_avg_ttl_seconds{db=\"db0\"}")
                && s.text().contains("redis_errors_total{"), WAIT).types();
        Map<String, String> missingOrWrong = new TreeMap<>();
        ReferenceNames.infoDerived().forEach((name, type) -> {
            if (!type.equals(ours.get(name))) {
                missingOrWrong.put(name, "want " + type + ", have " + ours.get(name));
            }
        });
        assertEquals(Map.of(), missingOrWrong);
    }

    @Test
    void evictedKeysEqualInfoExactlyAfterForcedEvictions() throws Exception {
        try (RespClient c = redis.client()) {
            String value = "x".repeat(1000);
            for (int i = 0; i < 5000; i++) {
                c.call("SET", "evict:" + i, value);
            }
        }
        long evicted = (long) info().number("evicted_keys").orElseThrow();
        assertTrue(evicted > 0, "2mb with 5 MB written must evict");
        // No more writes, so INFO stays put: wait for a poll that has seen it and compare exactly.
        Scrape s = Scrape.await(x -> x.get("redis_evicted_keys_total") == evicted, WAIT);
        InfoSnapshot info = info();
        assertEquals(info.number("maxmemory").orElseThrow(), s.get("redis_memory_max_bytes"));
        assertEquals(info.number("maxmemory").orElseThrow(), s.get("redis_config_maxmemory"));
        assertEquals(1.0, s.get("redis_sidecar_maxmemory_policy{policy=\"allkeys-lru\"}"));
        assertEquals(2 * 1024 * 1024, s.get("redis_sidecar_effective_memory_limit_bytes"));
        assertEquals(768 * 1024 * 1024, s.get("redis_sidecar_container_memory_limit_bytes"));
        double ratio = s.get("redis_memory_used_bytes") / (2 * 1024 * 1024);
        assertEquals(ratio, s.get("redis_sidecar_memory_usage_ratio"), 1e-9);
    }

    @Test
    void keyspaceIsReportedPerDatabase() throws Exception {
        try (RespClient c = redis.client()) {
            c.call("SELECT", "5");
            for (int i = 0; i < 7; i++) {
                c.call("SET", "k" + i, "v");
            }
            c.call("EXPIRE", "k0", "500");
            c.call("EXPIRE", "k1", "500");
        }
        Scrape s = Scrape.await(x -> x.value("redis_db_keys{db=\"db5\"}").orElse(0) == 7, WAIT);
        assertEquals(2.0, s.get("redis_db_keys_expiring{db=\"db5\"}"));
        double avgTtl = s.get("redis_db_avg_ttl_seconds{db=\"db5\"}");
        assertTrue(avgTtl > 400 && avgTtl <= 500, "avg_ttl in seconds, was " + avgTtl);
        // Empty databases are zero-filled up to CONFIG GET databases, as redis_exporter does.
        assertEquals(0.0, s.get("redis_db_keys{db=\"db15\"}"));
    }

    @Test
    void pollsReuseOneNamedConnection() throws Exception {
        Scrape.await(s -> s.get("redis_up") == 1, WAIT);
        long before = (long) info().number("total_connections_received").orElseThrow();
        double pollsBefore = Scrape.now().get("redis_sidecar_poll_duration_seconds_count");
        Scrape.await(s -> s.get("redis_sidecar_poll_duration_seconds_count") >= pollsBefore + 5, WAIT);
        long after = (long) info().number("total_connections_received").orElseThrow();
        // Our own INFO calls open one connection each; the sidecar opened none.
        assertEquals(before + 1, after);
        assertEquals(0.0, Scrape.now().get("redis_sidecar_poll_errors_total{reason=\"connect\"}"),
                "starting next to a healthy Redis counts no error");
        String clients = redis.call("CLIENT", "LIST");
        assertEquals(1, clients.lines().filter(l -> l.contains("name=redis-memory-sidecar")).count(), clients);
    }

    @Test
    void commandStatsAndInstanceInfoMatchInfo() throws Exception {
        InfoSnapshot info = info();
        // A poll's INFO is counted in commandstats after its reply, so the second poll is the first to show it.
        Scrape s = Scrape.await(x -> x.text().contains("run_id=\"" + info.text("run_id").orElseThrow() + "\"")
                && x.has("redis_commands_total{cmd=\"info\"}"), WAIT);
        assertTrue(s.text().contains("redis_version=\"" + info.text("redis_version").orElseThrow() + "\""));
        double start = s.get("redis_start_time_seconds");
        double expected = System.currentTimeMillis() / 1000.0 - info.number("uptime_in_seconds").orElseThrow();
        assertEquals(expected, start, 3.0);
    }

    private InfoSnapshot info() throws Exception {
        return InfoParser.parse(redis.call("INFO", "everything"));
    }
}
