package io.github.redissidecar.metrics;

import java.util.List;

/**
 * One series value; {@code labels} alternate name, value, name, value. {@code suffix} is appended to the family
 * name, for the {@code _count} and {@code _sum} lines of a summary; empty otherwise.
 */
public record Sample(String suffix, List<String> labels, double value) {

    public Sample {
        if (labels.size() % 2 != 0) {
            throw new IllegalArgumentException("labels must be name/value pairs: " + labels);
        }
        labels = List.copyOf(labels);
    }

    public Sample(List<String> labels, double value) {
        this("", labels, value);
    }

    public static Sample of(double value) {
        return new Sample(List.of(), value);
    }

    public static Sample of(double value, String... labels) {
        return new Sample(List.of(labels), value);
    }

    public static Sample suffixed(String suffix, double value) {
        return new Sample(suffix, List.of(), value);
    }
}
