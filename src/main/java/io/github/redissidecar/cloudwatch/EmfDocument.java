package io.github.redissidecar.cloudwatch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Writes one CloudWatch Embedded Metric Format document as one line of JSON: the {@code _aws} metadata (timestamp,
 * one metric directive per 100 metrics, the specification's limit), the dimensions' values and the metrics' values
 * as root members. CloudWatch Logs extracts the metrics from the log event; nothing here talks to AWS.
 */
public final class EmfDocument {

    /** The specification's limit of metrics in one directive. */
    static final int METRICS_PER_DIRECTIVE = 100;

    private static final ObjectMapper JSON = new ObjectMapper();

    private EmfDocument() {
    }

    /** The document, or an empty string when no metric has a finite value (CloudWatch rejects NaN and Inf). */
    public static String line(String namespace, EmfDimensions dimensions, long timestampMillis,
            List<EmfMetric> metrics) {
        List<EmfMetric> finite = metrics.stream().filter(m -> Double.isFinite(m.value())).toList();
        if (finite.isEmpty()) {
            return "";
        }
        ObjectNode root = JSON.createObjectNode();
        ObjectNode aws = root.putObject("_aws");
        aws.put("Timestamp", timestampMillis);
        ArrayNode directives = aws.putArray("CloudWatchMetrics");
        for (int from = 0; from < finite.size(); from += METRICS_PER_DIRECTIVE) {
            ObjectNode directive = directives.addObject();
            directive.put("Namespace", namespace);
            ArrayNode set = directive.putArray("Dimensions").addArray();
            dimensions.values().keySet().forEach(set::add);
            ArrayNode declared = directive.putArray("Metrics");
            for (EmfMetric metric : finite.subList(from, Math.min(finite.size(), from + METRICS_PER_DIRECTIVE))) {
                declared.addObject().put("Name", metric.name()).put("Unit", metric.unit());
            }
        }
        dimensions.values().forEach(root::put);
        for (EmfMetric metric : finite) {
            double value = metric.value();
            if (value == Math.rint(value) && Math.abs(value) < 1e15) {
                root.put(metric.name(), (long) value);
            } else {
                root.put(metric.name(), value);
            }
        }
        return root.toString();
    }
}
