package io.github.redissidecar.metrics;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Writes families in the Prometheus text exposition format 0.0.4. Written by hand rather than through a client
 * library because redis_exporter's names include counters without {@code _total} and gauges ending in
 * {@code _total}, which the client libraries rename; compatibility needs the names byte for byte.
 */
public final class PrometheusText {

    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private PrometheusText() {
    }

    /**
     * Families sorted by name, samples in the order given; empty families are left out. No sample carries a
     * timestamp: Prometheus stamps each with its scrape's time and marks series that vanish stale at once.
     */
    public static String write(Collection<MetricFamily> families) {
        StringBuilder out = new StringBuilder(families.size() * 96);
        List<MetricFamily> sorted = families.stream().sorted(Comparator.comparing(MetricFamily::name)).toList();
        for (MetricFamily family : sorted) {
            if (!family.samples().isEmpty()) {
                writeFamily(out, family);
            }
        }
        return out.toString();
    }

    private static void writeFamily(StringBuilder out, MetricFamily family) {
        out.append("# HELP ").append(family.name()).append(' ').append(escapeHelp(family.help())).append('\n');
        out.append("# TYPE ").append(family.name()).append(' ').append(family.type().text()).append('\n');
        for (Sample sample : family.samples()) {
            out.append(family.name()).append(sample.suffix());
            writeLabels(out, sample.labels());
            out.append(' ').append(formatValue(sample.value()));
            out.append('\n');
        }
    }

    private static void writeLabels(StringBuilder out, List<String> labels) {
        if (labels.isEmpty()) {
            return;
        }
        out.append('{');
        for (int i = 0; i < labels.size(); i += 2) {
            if (i > 0) {
                out.append(',');
            }
            out.append(labels.get(i)).append("=\"").append(escapeLabel(labels.get(i + 1))).append('"');
        }
        out.append('}');
    }

    static String formatValue(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }

    static String escapeLabel(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    private static String escapeHelp(String value) {
        return value.replace("\\", "\\\\").replace("\n", "\\n");
    }
}
