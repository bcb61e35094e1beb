package io.github.redissidecar.http;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Writes maps, lists, strings, numbers, booleans, optionals and nulls as JSON. /status is small and fixed, so a
 * JSON library (and its start-up and memory cost) is not worth it.
 */
final class JsonText {

    private JsonText() {
    }

    static String write(Object value) {
        StringBuilder out = new StringBuilder(1024);
        append(out, value);
        return out.toString();
    }

    private static void append(StringBuilder out, Object value) {
        Object v = unwrap(value);
        if (v == null) {
            out.append("null");
        } else if (v instanceof Map<?, ?> map) {
            object(out, map);
        } else if (v instanceof List<?> list) {
            array(out, list);
        } else if (v instanceof Double d && (d.isNaN() || d.isInfinite())) {
            out.append("null");
        } else if (v instanceof Number || v instanceof Boolean) {
            out.append(v);
        } else {
            string(out, v.toString());
        }
    }

    private static Object unwrap(Object value) {
        if (value instanceof Optional<?> o) {
            return o.orElse(null);
        }
        if (value instanceof OptionalLong o) {
            return o.isPresent() ? o.getAsLong() : null;
        }
        if (value instanceof OptionalDouble o) {
            return o.isPresent() ? o.getAsDouble() : null;
        }
        return value;
    }

    private static void object(StringBuilder out, Map<?, ?> map) {
        out.append('{');
        String separator = "";
        for (Map.Entry<?, ?> e : map.entrySet()) {
            out.append(separator);
            string(out, e.getKey().toString());
            out.append(':');
            append(out, e.getValue());
            separator = ",";
        }
        out.append('}');
    }

    private static void array(StringBuilder out, List<?> list) {
        out.append('[');
        for (int i = 0; i < list.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            append(out, list.get(i));
        }
        out.append(']');
    }

    private static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
