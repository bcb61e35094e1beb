package io.github.redissidecar.cloudwatch;

import io.github.redissidecar.keys.KeyGroupEstimate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The documents written at each interval: one with the Redis and container metrics, then one per key group of the
 * largest {@code keyGroups} (each document holds one value per metric name, so a per-group metric needs its own),
 * with the group and its database as two more dimensions. Bounded: a keyspace with thousands of prefixes costs
 * {@code keyGroups} custom metrics, not thousands.
 */
public final class EmfReport {

    private final String namespace;
    private final EmfDimensions dimensions;
    private final int keyGroups;
    private final EmfReadings readings = new EmfReadings();

    public EmfReport(String namespace, EmfDimensions dimensions, int keyGroups) {
        this.namespace = namespace;
        this.dimensions = dimensions;
        this.keyGroups = keyGroups;
    }

    public EmfDimensions dimensions() {
        return dimensions;
    }

    /** The lines to write for one interval; not thread-safe (one writer). */
    public List<String> documents(long timestampMillis, EmfInputs in, List<KeyGroupEstimate> groups) {
        List<String> out = new ArrayList<>();
        out.add(EmfDocument.line(namespace, dimensions, timestampMillis, readings.next(in)));
        if (in.info().isPresent()) {
            groups.stream().sorted(Comparator.comparingDouble(KeyGroupEstimate::bytes).reversed()).limit(keyGroups)
                    .map(g -> EmfDocument.line(namespace, dimensions.with(EmfDimensions.DATABASE, "db" + g.db())
                            .with(EmfDimensions.KEY_GROUP, g.group()), timestampMillis,
                            List.of(new EmfMetric("KeyGroupMemory", EmfMetric.BYTES, Math.round(g.bytes())))))
                    .forEach(out::add);
        }
        out.removeIf(String::isEmpty);
        return out;
    }
}
