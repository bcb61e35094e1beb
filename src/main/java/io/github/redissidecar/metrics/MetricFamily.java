package io.github.redissidecar.metrics;

import java.util.List;

/** A metric name with its HELP, TYPE and samples, ready to be written in the Prometheus text format. */
public record MetricFamily(String name, String help, MetricType type, List<Sample> samples) {

    public MetricFamily {
        samples = List.copyOf(samples);
    }

    public static MetricFamily gauge(String name, String help, Sample... samples) {
        return new MetricFamily(name, help, MetricType.GAUGE, List.of(samples));
    }
}
