package io.github.redissidecar.metrics;

import java.util.Locale;

/** Prometheus metric types as written on a {@code # TYPE} line. */
public enum MetricType {
    GAUGE,
    COUNTER,
    SUMMARY;

    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }
}
