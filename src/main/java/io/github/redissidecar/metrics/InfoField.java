package io.github.redissidecar.metrics;

/** One row of the INFO → metric table: a plain {@code field:value} line becomes one unlabelled series. */
public record InfoField(String field, String name, MetricType type, String help, Conversion conversion) {
}
