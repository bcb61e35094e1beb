package io.github.redissidecar.cloudwatch;

/**
 * One CloudWatch metric of an EMF document: its name, its CloudWatch unit ({@code Bytes}, {@code Count},
 * {@code Percent}, {@code None}) and its value.
 */
public record EmfMetric(String name, String unit, double value) {

    public static final String BYTES = "Bytes";
    public static final String COUNT = "Count";
    public static final String PERCENT = "Percent";
    public static final String NONE = "None";
}
