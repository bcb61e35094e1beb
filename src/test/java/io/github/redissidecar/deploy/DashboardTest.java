package io.github.redissidecar.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.redissidecar.testing.ExportedNames;
import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every metric the dashboard queries is one the sidecar exports: no empty panels after a rename. */
class DashboardTest {

    private static final String FILTER = "{job=~\"$job\",instance=~\"$instance\"}";
    private static final Pattern NAME = Pattern.compile("\\b(redis_[a-z0-9_]+)\\b");

    @Test
    void everyQueriedMetricIsExported() throws Exception {
        JsonPath dashboard = JsonPath.from(Files.readString(Path.of("dashboards/redis-memory-sidecar.json")));
        List<String> queries = dashboard.getList("panels.targets.flatten().expr");
        assertTrue(queries.size() >= 15, "queries: " + queries.size());
        Set<String> exported = ExportedNames.all();
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

    // Two Redis with the same host:port in two jobs (or two namespaces' pods behind one Prometheus) must not merge.
    @Test
    void everyQueryFiltersOnJobAndInstance() throws Exception {
        JsonPath dashboard = JsonPath.from(Files.readString(Path.of("dashboards/redis-memory-sidecar.json")));
        assertEquals(List.of("datasource", "job", "instance"), dashboard.getList("templating.list.name"));
        for (String query : dashboard.<String>getList("panels.targets.flatten().expr")) {
            assertTrue(query.contains(FILTER), query);
            Matcher m = NAME.matcher(query);
            while (m.find()) {
                String after = query.substring(m.end());
                // A selector without braces is only the right side of a join on (instance, job, ...).
                assertTrue(after.startsWith(FILTER) || !after.startsWith("{"), query);
            }
        }
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
}
