package io.github.redissidecar.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.redissidecar.info.InfoParser;
import io.github.redissidecar.info.InfoSnapshot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Captured INFO through the metric table, diffed with src/test/resources/metrics/expected.prom, a reviewed file:
 * {@code -Dgolden.update=true} rewrites it and fails, so that the diff is read before the test passes again. CI lints
 * it with {@code promtool check metrics}.
 */
class MetricsPageGoldenTest {

    private static final Path GOLDEN = Path.of("src/test/resources/metrics/expected.prom");
    private static final long POLLED_AT = 1_795_320_000_250L; // epoch millis

    static String fixture(String name) throws IOException {
        return new String(MetricsPageGoldenTest.class.getResourceAsStream("/info/" + name).readAllBytes(),
                StandardCharsets.UTF_8);
    }

    private static final List<String> REASONS = List.of("connect", "auth");

    private static String render(String fixture) throws IOException {
        InfoSnapshot master = InfoParser.parse(fixture(fixture));
        return page(Optional.of(master), POLLED_AT, 16, OptionalLong.of(805306368), OptionalLong.of(POLLED_AT));
    }

    private static String page(Optional<InfoSnapshot> info, long polledAt, int databases, OptionalLong limit,
            OptionalLong lastSuccess) {
        return PrometheusText.write(MetricsPage.families(info, polledAt, databases, limit, lastSuccess,
                info.isPresent() ? Optional.empty() : Optional.of("connect"), REASONS));
    }

    @Test
    void masterAndReplicaMatchTheGoldenFile() throws IOException {
        String actual = "# 7.0-master.txt\n" + render("7.0-master.txt") + "# 7.0-replica.txt\n"
                + render("7.0-replica.txt");
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(GOLDEN, actual);
            fail(GOLDEN + " rewritten: review the diff (git diff), then run again without -Dgolden.update");
        }
        assertEquals(Files.readString(GOLDEN), actual);
    }

    @Test
    void replicaSeriesCarryMasterLabels() throws IOException {
        String replica = render("7.0-replica.txt");
        assertTrue(replica.contains("redis_master_link_up{master_host=\"127.0.0.1\",master_port=\"16390\"} 1"));
        assertTrue(replica.contains("redis_slave_info{master_host=\"127.0.0.1\",master_port=\"16390\",read_only=\"1\"} 1"));
        String master = render("7.0-master.txt");
        assertTrue(master.contains("redis_connected_slave_lag_seconds{slave_ip=\"127.0.0.1\",slave_port=\"16391\""));
        assertFalse(master.contains("redis_master_link_up"));
    }

    @Test
    void conversionsMatchRedisExporter() throws IOException {
        String master = render("7.0-master.txt");
        assertTrue(master.contains("\nredis_rdb_last_bgsave_status 1\n"), "ok → 1");
        assertTrue(master.contains("\nredis_latest_fork_seconds 6.03E-4\n"), "latest_fork_usec 603 → s");
        assertTrue(master.contains("\nredis_commands_duration_seconds_total{cmd=\"set\"} 0.101982\n"), "usec → s");
        assertTrue(master.contains("\nredis_evicted_keys_total 26572\n"));
        assertTrue(master.contains("\nredis_errors_total{err=\"ERR\"} 3\n"));
        assertTrue(master.contains("\nredis_memory_used_bytes 4230792\n"));
    }

    @Test
    void noSampleCarriesATimestamp() throws IOException {
        // Prometheus marks a vanished series stale only when its samples carry no timestamp of their own.
        List<String> stamped = render("7.0-master.txt").lines().filter(l -> !l.startsWith("#"))
                .filter(l -> l.substring(l.lastIndexOf('}') + 1).strip().split(" ").length != (l.contains("}") ? 1 : 2))
                .toList();
        assertEquals(List.of(), stamped);
    }

    @Test
    void downShowsOnlyUpAndOwnSeries() {
        String down = page(Optional.empty(), 0, 0, OptionalLong.empty(), OptionalLong.empty());
        assertEquals(List.of("redis_sidecar_poll_failing{reason=\"connect\"} 1",
                "redis_sidecar_poll_failing{reason=\"auth\"} 0", "redis_up 0"),
                down.lines().filter(l -> !l.startsWith("#")).toList());
    }

    @Test
    void noLimitKnownMeansNoRatioSeries() throws IOException {
        String text = fixture("7.0-master.txt").replace("maxmemory:4194304", "maxmemory:0");
        String page = page(Optional.of(InfoParser.parse(text)), POLLED_AT, 0, OptionalLong.empty(),
                OptionalLong.empty());
        assertFalse(page.contains("redis_sidecar_memory_usage_ratio"));
        assertFalse(page.contains("redis_sidecar_effective_memory_limit_bytes"));
        page.lines().filter(l -> !l.startsWith("#")).forEach(l -> {
            assertFalse(l.contains("Inf"), l);
            assertFalse(l.contains("NaN"), l);
        });
    }

    @Test
    void tableNamesAreUniqueAndWellFormed() {
        Set<String> names = new HashSet<>();
        for (InfoField row : InfoFieldTable.FIELDS) {
            assertTrue(names.add(row.name()), "duplicate " + row.name());
            assertTrue(row.name().matches("redis_[a-z0-9_]+"), row.name());
            assertFalse(row.help().isBlank(), row.name());
        }
    }

    @Test
    void textEscapesLabelValues() {
        String text = PrometheusText.write(List.of(MetricFamily.gauge("redis_x", "help \\ and\nnewline",
                Sample.of(1.5, "l", "a\"b\\c\nd"))));
        assertEquals("# HELP redis_x help \\\\ and\\nnewline\n# TYPE redis_x gauge\nredis_x{l=\"a\\\"b\\\\c\\nd\"} 1.5\n",
                text);
    }
}
