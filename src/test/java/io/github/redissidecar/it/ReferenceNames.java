package io.github.redissidecar.it;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The INFO-derived families redis_exporter 1.45 printed for Redis 7.0.15, with their TYPE. */
final class ReferenceNames {

    /** Not from INFO (exporter self-metrics, SLOWLOG, CONFIG GET io-threads) or from INFO latencystats. */
    static final Set<String> NOT_INFO_DERIVED = Set.of(
            "redis_exporter_build_info", "redis_exporter_last_scrape_connect_time_seconds",
            "redis_exporter_last_scrape_duration_seconds", "redis_exporter_last_scrape_error",
            "redis_exporter_scrape_duration_seconds", "redis_exporter_scrapes_total",
            "redis_target_scrape_request_errors_total", "redis_last_key_groups_scrape_duration_milliseconds",
            "redis_slowlog_last_id", "redis_slowlog_length", "redis_last_slow_execution_duration_seconds",
            "redis_config_io_threads", "redis_latency_percentiles_usec");

    /**
     * redis_exporter 1.45 typed this one gauge; later versions (the .tsv reference) and we type it counter, which
     * it is: a count since start.
     */
    static final Map<String, String> TYPE_FIXED_SINCE_1_45 = Map.of("redis_expired_time_cap_reached_total", "counter");

    private ReferenceNames() {
    }

    static Map<String, String> infoDerived() throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (InputStream in = ReferenceNames.class.getResourceAsStream(
                "/reference/redis_exporter-1.45_on_redis-7.0.15.metrics.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("# TYPE ")) {
                    String[] p = line.split(" ");
                    if (!NOT_INFO_DERIVED.contains(p[2])) {
                        out.put(p[2], TYPE_FIXED_SINCE_1_45.getOrDefault(p[2], p[3]));
                    }
                }
            }
        }
        return out;
    }
}
