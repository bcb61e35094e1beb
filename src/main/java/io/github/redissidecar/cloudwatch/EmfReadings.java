package io.github.redissidecar.cloudwatch;

import io.github.redissidecar.info.InfoParser;
import io.github.redissidecar.info.InfoSnapshot;
import io.github.redissidecar.info.Numbers;
import io.github.redissidecar.memory.MemoryLimits;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The metrics of one document. CloudWatch has no {@code rate()}: Redis's counters become what happened in the
 * interval, the difference from the previous document. That difference is right across a Redis restart (the
 * counters start again at 0 with a new {@code run_id}: what happened is the new value) and across a
 * {@code CONFIG RESETSTAT} (the value went down: same), and never negative. The first document after the sidecar
 * starts, or after Redis did not answer, has no interval for Redis's counters and leaves them out rather than
 * report a lifetime total as one interval's events. Not thread-safe: one writer calls {@link #next}.
 */
public final class EmfReadings {

    private String runId;
    private Map<String, Double> previous = Map.of();
    private long restartsBefore;
    private long restoredBefore;

    public List<EmfMetric> next(EmfInputs in) {
        List<EmfMetric> out = new ArrayList<>();
        out.add(new EmfMetric("RedisUp", EmfMetric.NONE, in.info().isPresent() ? 1 : 0));
        in.containerLimit().ifPresent(l -> out.add(new EmfMetric("ContainerMemoryLimit", EmfMetric.BYTES, l)));
        in.containerMemoryUsed().ifPresent(u -> out.add(new EmfMetric("ContainerMemoryUsed", EmfMetric.BYTES, u)));
        in.info().ifPresent(info -> memory(info, in, out));
        in.info().ifPresent(info -> intervals(info, out));
        out.add(new EmfMetric("RedisRestarts", EmfMetric.COUNT, Math.max(0, in.restartsDetected() - restartsBefore)));
        out.add(new EmfMetric("SettingsRestored", EmfMetric.COUNT,
                Math.max(0, in.settingsRestored() - restoredBefore)));
        restartsBefore = in.restartsDetected();
        restoredBefore = in.settingsRestored();
        return out;
    }

    private static void memory(InfoSnapshot info, EmfInputs in, List<EmfMetric> out) {
        long used = (long) info.number("used_memory").orElse(0);
        long maxmemory = (long) info.number("maxmemory").orElse(0);
        MemoryLimits limits = new MemoryLimits(maxmemory, in.containerLimit());
        out.add(new EmfMetric("UsedMemory", EmfMetric.BYTES, used));
        out.add(new EmfMetric("MaxMemory", EmfMetric.BYTES, maxmemory));
        limits.usageRatio(used).ifPresent(r -> out.add(new EmfMetric("MemoryUsage", EmfMetric.PERCENT, r * 100)));
        info.number("used_memory_rss").ifPresent(rss -> out.add(new EmfMetric("UsedMemoryRss", EmfMetric.BYTES,
                rss)));
        oomKillRisk(info, in).ifPresent(r -> out.add(new EmfMetric("OOMKillRisk", EmfMetric.PERCENT, r * 100)));
        limits.unbounded().ifPresent(u -> out.add(new EmfMetric("MemoryUnbounded", EmfMetric.NONE, u ? 1 : 0)));
        info.number("connected_clients").ifPresent(c -> out.add(new EmfMetric("ConnectedClients", EmfMetric.COUNT,
                c)));
        info.number("mem_fragmentation_ratio").ifPresent(f -> out.add(new EmfMetric("FragmentationRatio",
                EmfMetric.NONE, f)));
    }

    /**
     * What RedisOOMKillRisk alerts on: the memory the kernel will count (Redis's RSS, or its container's usage when
     * ECS reports it, whichever is larger) plus what the last fork copied, against the container's limit.
     */
    static OptionalDouble oomKillRisk(InfoSnapshot info, EmfInputs in) {
        OptionalDouble rss = info.number("used_memory_rss");
        if (in.containerLimit().isEmpty() || in.containerLimit().getAsLong() <= 0 || rss.isEmpty()) {
            return OptionalDouble.empty();
        }
        double resident = Math.max(rss.getAsDouble(), in.containerMemoryUsed().orElse(0));
        double cow = Math.max(info.number("rdb_last_cow_size").orElse(0), info.number("aof_last_cow_size").orElse(0));
        return OptionalDouble.of((resident + cow) / in.containerLimit().getAsLong());
    }

    private void intervals(InfoSnapshot info, List<EmfMetric> out) {
        Map<String, Double> now = counters(info);
        Optional<String> run = info.text("run_id");
        if (runId != null && !previous.isEmpty()) {
            boolean restarted = run.isEmpty() || !run.get().equals(runId);
            Map<String, Double> delta = new HashMap<>();
            now.forEach((name, value) -> {
                Double before = previous.get(name);
                delta.put(name, restarted || before == null || value < before ? value : value - before);
            });
            add(out, "EvictedKeys", delta.get("evicted_keys"));
            add(out, "RejectedWrites", delta.get("rejected"));
            hitRatio(delta).ifPresent(r -> out.add(new EmfMetric("KeyspaceHitRatio", EmfMetric.PERCENT, r)));
        }
        runId = run.orElse("");
        previous = now;
    }

    private static void add(List<EmfMetric> out, String name, Double value) {
        if (value != null) {
            out.add(new EmfMetric(name, EmfMetric.COUNT, value));
        }
    }

    // Hits in the interval's lookups, in percent; none when nothing was looked up (not 0 %: nothing missed).
    private static OptionalDouble hitRatio(Map<String, Double> delta) {
        Double hits = delta.get("keyspace_hits");
        Double misses = delta.get("keyspace_misses");
        return hits == null || misses == null || hits + misses <= 0 ? OptionalDouble.empty()
                : OptionalDouble.of(100 * hits / (hits + misses));
    }

    private static Map<String, Double> counters(InfoSnapshot info) {
        Map<String, Double> out = new HashMap<>();
        for (String name : List.of("evicted_keys", "keyspace_hits", "keyspace_misses")) {
            info.number(name).ifPresent(v -> out.put(name, v));
        }
        // Writes refused for memory (OOM) or a failed save (MISCONF); readable only with errorstats polled.
        if (info.hasSection("errorstats")) {
            out.put("rejected", errors(info, "errorstat_OOM") + errors(info, "errorstat_MISCONF"));
        }
        return out;
    }

    private static double errors(InfoSnapshot info, String field) {
        return info.text(field).map(v -> InfoParser.subFields(v).get("count")).flatMap(c -> {
            OptionalDouble n = Numbers.parse(c);
            return n.isPresent() ? Optional.of(n.getAsDouble()) : Optional.empty();
        }).orElse(0.0);
    }
}
