package io.github.redissidecar.metrics;

import io.github.redissidecar.info.InfoParser;
import io.github.redissidecar.info.InfoSnapshot;
import io.github.redissidecar.info.ServerIdentity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * redis_exporter's labelled series built from compound INFO lines: keyspace ({@code db0:keys=…}), commandstats
 * ({@code cmdstat_get:calls=…}), errorstats ({@code errorstat_ERR:count=…}), replication and instance info.
 * Each builder is a small table of (sub-field, metric) pairs so that naming stays declarative.
 */
final class LabelledSeries {

    private static final String[] INSTANCE_LABELS = {
        "role", "redis_version", "redis_build_id", "redis_mode", "os", "maxmemory_policy", "tcp_port", "run_id",
        "process_id", "master_replid"};

    private static final List<SubField> KEYSPACE = List.of(
            new SubField("keys", "redis_db_keys", "Keys in the database.", Conversion.VALUE),
            new SubField("expires", "redis_db_keys_expiring", "Keys with an expiry in the database.", Conversion.VALUE),
            new SubField("avg_ttl", "redis_db_avg_ttl_seconds", "Average TTL of keys with an expiry, in seconds.",
                    Conversion.MS_TO_SECONDS));

    private static final List<SubField> COMMANDS = List.of(
            new SubField("calls", "redis_commands_total", "Calls per command.", Conversion.VALUE),
            new SubField("usec", "redis_commands_duration_seconds_total", "Seconds spent per command.",
                    Conversion.USEC_TO_SECONDS),
            new SubField("rejected_calls", "redis_commands_rejected_calls_total",
                    "Calls rejected before execution per command (unknown, wrong arity, ACL, OOM...).", Conversion.VALUE),
            new SubField("failed_calls", "redis_commands_failed_calls_total",
                    "Calls that failed during execution per command.", Conversion.VALUE));

    private static final List<SubField> ERRORS = List.of(
            new SubField("count", "redis_errors_total", "Error replies per error prefix (ERR, OOM, NOAUTH...).",
                    Conversion.VALUE));

    private static final List<String> WRITE_REJECTIONS = List.of("OOM", "MISCONF");

    private static final List<SubField> REPLICAS = List.of(
            new SubField("offset", "redis_connected_slave_offset_bytes", "Replication offset of a connected replica.",
                    Conversion.VALUE),
            new SubField("lag", "redis_connected_slave_lag_seconds", "Seconds since a connected replica last acked.",
                    Conversion.VALUE));

    private LabelledSeries() {
    }

    /**
     * Keyspace series. {@code databases} (from CONFIG GET databases, or 0 when unknown) fills empty databases with
     * zero keys the way redis_exporter does, so {@code redis_db_keys{db="db0"}} still exists after a FLUSHALL; at
     * most {@link DatabaseCap#MAX_DATABASES} databases, with a count of those left out when there are more.
     */
    static List<MetricFamily> keyspace(InfoSnapshot info, int databases) {
        DatabaseCap.Capped capped = DatabaseCap.of(compound(info, "db", "keyspace", false), databases);
        List<MetricFamily> out = families(capped.databases(), "db", KEYSPACE, MetricType.GAUGE);
        if (capped.notExported() > 0) {
            out.add(MetricFamily.gauge("redis_sidecar_keyspace_databases_not_exported", "Databases left out of "
                    + "the keyspace series (redis_db_keys...): at most " + DatabaseCap.MAX_DATABASES + " are exported.",
                    Sample.of(capped.notExported())));
        }
        return out;
    }

    static List<MetricFamily> commands(InfoSnapshot info) {
        return families(compound(info, "cmdstat_", "commandstats", true), "cmd", COMMANDS, MetricType.COUNTER);
    }

    /**
     * Redis lists only the error prefixes that happened since it started, so a first burst of OOM replies would
     * create its series already at its final value, and {@code increase()} would never see it. The prefixes that
     * mean rejected writes (OOM: at maxmemory; MISCONF: a failed RDB save with stop-writes-on-bgsave-error) are
     * exported at 0 whenever errorstats was read, which is what their absence from it means.
     */
    static List<MetricFamily> errors(InfoSnapshot info) {
        Map<String, Map<String, String>> rows = compound(info, "errorstat_", "errorstats", true);
        if (info.hasSection("errorstats")) {
            WRITE_REJECTIONS.forEach(prefix -> rows.putIfAbsent(prefix, Map.of("count", "0")));
        }
        return families(rows, "err", ERRORS, MetricType.COUNTER);
    }

    static List<MetricFamily> replicas(InfoSnapshot info) {
        List<Sample> offsets = new ArrayList<>();
        List<Sample> lags = new ArrayList<>();
        for (Map<String, String> replica : compound(info, "slave", "replication", false).values()) {
            String[] labels = {"slave_ip", replica.getOrDefault("ip", ""), "slave_port",
                replica.getOrDefault("port", ""), "slave_state", replica.getOrDefault("state", "")};
            add(offsets, REPLICAS.get(0), replica, labels);
            add(lags, REPLICAS.get(1), replica, labels);
        }
        return List.of(REPLICAS.get(0).family(offsets, MetricType.GAUGE),
                REPLICAS.get(1).family(lags, MetricType.GAUGE));
    }

    /** Series of a replica about its master; none on a master. */
    static List<MetricFamily> master(InfoSnapshot info) {
        if (info.text("master_host").isEmpty()) {
            return List.of();
        }
        String[] labels = {"master_host", info.text("master_host").get(), "master_port",
            info.text("master_port").orElse("")};
        List<MetricFamily> out = new ArrayList<>();
        out.add(MetricFamily.gauge("redis_slave_info", "Replica information: the master it follows.",
                Sample.of(1, labels[0], labels[1], labels[2], labels[3], "read_only",
                        info.text("slave_read_only").orElse(""))));
        masterGauge(out, info, "master_link_status", "redis_master_link_up", "1 when the link to the master is up.",
                labels);
        masterGauge(out, info, "master_last_io_seconds_ago", "redis_master_last_io_seconds_ago",
                "Seconds since the last interaction with the master; -1 when the link is down.", labels);
        masterGauge(out, info, "master_sync_in_progress", "redis_master_sync_in_progress",
                "1 while the replica syncs from its master.", labels);
        masterGauge(out, info, "slave_repl_offset", "redis_slave_repl_offset", "Replication offset of the replica.",
                labels);
        return out;
    }

    /**
     * redis_exporter's labels, but {@code redis_mode} is filled from {@code server_mode} on Valkey, where the
     * exporter leaves it empty: a rule or dashboard that selects {@code redis_mode="cluster"} works on both servers.
     */
    static MetricFamily instanceInfo(InfoSnapshot info) {
        String mode = ServerIdentity.of(info).mode();
        List<String> labels = new ArrayList<>();
        for (String name : INSTANCE_LABELS) {
            labels.add(name);
            labels.add("redis_mode".equals(name) ? mode : info.text(name).orElse(""));
        }
        for (String valkeyOnly : new String[] {"valkey_version", "valkey_release_stage"}) {
            info.text(valkeyOnly).ifPresent(v -> {
                labels.add(valkeyOnly);
                labels.add(v);
            });
        }
        return new MetricFamily("redis_instance_info", "Information about the Redis instance.", MetricType.GAUGE,
                List.of(new Sample(labels, 1)));
    }

    private static void masterGauge(List<MetricFamily> out, InfoSnapshot info, String field, String name,
            String help, String[] labels) {
        info.text(field).map(Conversion.VALUE::apply).filter(OptionalDouble::isPresent)
                .ifPresent(v -> out.add(MetricFamily.gauge(name, help, Sample.of(v.getAsDouble(), labels))));
    }

    /**
     * Compound lines of one section whose field starts with {@code prefix}, keyed by the field name, without the
     * prefix when {@code stripPrefix} ("cmdstat_get" → "get"; "db0" stays "db0").
     */
    private static Map<String, Map<String, String>> compound(InfoSnapshot info, String prefix, String section,
            boolean stripPrefix) {
        Map<String, Map<String, String>> out = new TreeMap<>();
        info.fields().forEach((field, value) -> {
            if (field.startsWith(prefix) && field.length() > prefix.length()
                    && section.equals(info.sectionOf(field).orElse(section)) && value.indexOf('=') > 0) {
                out.put(stripPrefix ? field.substring(prefix.length()) : field, InfoParser.subFields(value));
            }
        });
        return out;
    }

    private static List<MetricFamily> families(Map<String, Map<String, String>> rows, String label,
            List<SubField> subFields, MetricType type) {
        List<MetricFamily> out = new ArrayList<>();
        for (SubField sub : subFields) {
            List<Sample> samples = new ArrayList<>();
            rows.forEach((key, values) -> add(samples, sub, values, label, key));
            out.add(sub.family(samples, type));
        }
        return out;
    }

    private static void add(List<Sample> samples, SubField sub, Map<String, String> values, String... labels) {
        String raw = values.get(sub.key());
        OptionalDouble v = raw == null ? OptionalDouble.empty() : sub.conversion().apply(raw);
        if (v.isPresent()) {
            samples.add(Sample.of(v.getAsDouble(), labels));
        }
    }

    private record SubField(String key, String name, String help, Conversion conversion) {
        MetricFamily family(List<Sample> samples, MetricType type) {
            return new MetricFamily(name, help, type, samples);
        }
    }
}
