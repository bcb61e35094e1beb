package io.github.redissidecar.deploy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.redissidecar.host.HostFacts;
import io.github.redissidecar.metrics.MetricFamily;
import io.github.redissidecar.settings.ConfLines;
import io.github.redissidecar.settings.DesiredSettings;
import io.github.redissidecar.settings.EnforceMode;
import io.github.redissidecar.settings.EnforcementState;
import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every metric the dashboard queries is one the sidecar exports: no empty panels after a rename. */
class DashboardTest {

    private static final Pattern NAME = Pattern.compile("\\b(redis_[a-z0-9_]+)\\b");

    @Test
    void everyQueriedMetricIsExported() throws Exception {
        JsonPath dashboard = JsonPath.from(Files.readString(Path.of("dashboards/redis-memory-sidecar.json")));
        List<String> queries = dashboard.getList("panels.targets.flatten().expr");
        assertTrue(queries.size() >= 15, "queries: " + queries.size());
        Set<String> exported = exported();
        Set<String> unknown = new TreeSet<>();
        for (String query : queries) {
            Matcher m = NAME.matcher(query);
            while (m.find()) {
                if (!exported.contains(m.group(1))) {
                    unknown.add(m.group(1));
                }
            }
        }
        assertTrue(unknown.isEmpty(), "queried but not exported: " + unknown);
    }

    @Test
    void theDashboardShowsWhatTheIssueAsksFor() throws Exception {
        String text = Files.readString(Path.of("dashboards/redis-memory-sidecar.json"));
        for (String metric : List.of("redis_memory_used_bytes", "redis_sidecar_effective_memory_limit_bytes",
                "redis_sidecar_memory_usage_ratio", "redis_evicted_keys_total", "redis_keyspace_hits_total",
                "redis_mem_fragmentation_ratio", "redis_rdb_last_bgsave_status", "redis_sidecar_config_drift",
                "redis_sidecar_config_reasserts_total", "redis_sidecar_restarts_detected_total",
                "redis_sidecar_host_overcommit_memory", "redis_sidecar_host_transparent_hugepage")) {
            assertTrue(text.contains(metric), "no panel uses " + metric);
        }
    }

    /** Names on the golden /metrics page (master and replica fixtures) plus the state-dependent series. */
    static Set<String> exported() throws Exception {
        Set<String> names = new HashSet<>();
        for (String line : Files.readAllLines(Path.of("src/test/resources/metrics/expected.prom"))) {
            if (line.startsWith("# TYPE ")) {
                names.add(line.split(" ")[2]);
            }
        }
        EnforcementState state = new EnforcementState(EnforceMode.ENFORCE, DesiredSettings.of(
                ConfLines.parse("maxmemory 1mb", "test"), OptionalLong.empty()));
        state.applied("maxmemory", "0", "1048576", io.github.redissidecar.settings.Trigger.STARTUP,
                java.time.Instant.now());
        state.failed("maxmemory", "rejected", java.time.Instant.now());
        state.restartPending(0);
        state.allInPlace(1);
        state.families(java.util.Optional.empty()).stream().map(MetricFamily::name).forEach(names::add);
        HostFacts.parse("0", "[always] never").families().stream().map(MetricFamily::name).forEach(names::add);
        names.addAll(List.of("redis_sidecar_poll_duration_seconds", "redis_sidecar_poll_errors_total",
                "redis_sidecar_restarts_detected_total"));
        return names;
    }
}
