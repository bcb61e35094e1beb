package io.github.redissidecar.testing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Reads a /metrics page the way Prometheus does, so that tests compare series and numbers rather than spellings:
 * Micrometer's registry writes {@code name{reason="auth",} 0.0} where the hand-written part writes
 * {@code name{reason="auth"} 0}.
 */
public final class MetricsText {

    private MetricsText() {
    }

    /** Series (name with its labels, as written, without a trailing comma) → value; sample timestamps are dropped. */
    public static Map<String, Double> parse(String text) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            // name[{labels}] value [timestamp]: label values may hold spaces, so the series ends at its '}'.
            int end = line.indexOf('{') < 0 ? line.indexOf(' ') : line.lastIndexOf('}') + 1;
            if (end > 0) {
                String[] valueAndTimestamp = line.substring(end).strip().split(" +");
                out.put(line.substring(0, end).replace(",}", "}"), Double.parseDouble(valueAndTimestamp[0]));
            }
        }
        return out;
    }

    /** The value of {@code series} (e.g. {@code redis_up} or {@code name{reason="auth"}}), if present. */
    public static OptionalDouble value(String text, String series) {
        Double v = parse(text).get(series);
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    /** Whether {@code text} has the series of {@code seriesAndValue} ("name{labels} 3") at that value. */
    public static boolean has(String text, String seriesAndValue) {
        int split = seriesAndValue.lastIndexOf(' ');
        OptionalDouble v = value(text, seriesAndValue.substring(0, split));
        return v.isPresent() && v.getAsDouble() == Double.parseDouble(seriesAndValue.substring(split + 1));
    }
}
