package io.github.redissidecar.metrics;

import java.util.List;

/** One series value; {@code labels} alternate name, value, name, value. */
public record Sample(List<String> labels, double value) {

    public Sample {
        if (labels.size() % 2 != 0) {
            throw new IllegalArgumentException("labels must be name/value pairs: " + labels);
        }
        labels = List.copyOf(labels);
    }

    public static Sample of(double value) {
        return new Sample(List.of(), value);
    }

    public static Sample of(double value, String... labels) {
        return new Sample(List.of(labels), value);
    }
}
