package io.github.redissidecar.validate;

import java.util.List;
import java.util.Map;

/**
 * The types a compose file's keys must have, checked where they are read: a key of the wrong type is one line
 * naming the key and the type expected, instead of being read as absent.
 */
final class YamlTypes {

    private YamlTypes() {
    }

    /** A mapping, or absent (an empty one). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> mapping(Object value, String key) {
        if (value == null) {
            return Map.of();
        }
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw wrong(key, value, "a mapping (key: value lines)");
    }

    /** A string, number or boolean as text, or null when absent. */
    static String scalar(Object value, String key, String expected) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value == null ? null : value.toString();
        }
        throw wrong(key, value, expected);
    }

    /** A list of scalars, as text. */
    static List<String> scalars(List<?> items, String key, String expected) {
        return items.stream().map(item -> {
            if (item == null) {
                throw wrong(key, item, expected);
            }
            return scalar(item, key, expected);
        }).toList();
    }

    static UnusableInput wrong(String key, Object value, String expected) {
        return new UnusableInput(key + " is " + describe(value) + "; expected " + expected);
    }

    private static String describe(Object value) {
        if (value == null) {
            return "empty (null)";
        }
        if (value instanceof Map<?, ?>) {
            return "a mapping";
        }
        if (value instanceof List<?>) {
            return "a list";
        }
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return Quoted.quote(value);
        }
        return "a " + value.getClass().getSimpleName() + " (a YAML tag such as !!binary or !!timestamp)";
    }
}
