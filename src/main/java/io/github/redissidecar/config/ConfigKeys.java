package io.github.redissidecar.config;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Every key of {@link SidecarConfig}, read off the mapping itself: its property, its environment variable, its type
 * and its default. The one description the docs table and {@code --help} are tested against, and what tells a
 * start that failed on a value that is not of its type which key and which value it was, without reading another
 * library's message.
 */
public final class ConfigKeys {

    /** One key: {@code sidecar.poll.interval}, {@code SIDECAR_POLL_INTERVAL}, {@code Duration}, {@code 60s}. */
    public record Key(String property, Class<?> type, Optional<String> defaultValue) {

        public String env() {
            return ConfigKeys.env(property);
        }
    }

    private static final List<Key> ALL = keys("sidecar", SidecarConfig.class);

    private ConfigKeys() {
    }

    public static List<Key> all() {
        return ALL;
    }

    /** The environment variable MicroProfile Config reads for {@code property}. */
    public static String env(String property) {
        return property.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    /**
     * One line per key whose value, as {@code raw} gives it, is not of the key's type: the variable, the property,
     * the value and how to write one.
     */
    public static List<String> conversionProblems(Function<String, Optional<String>> raw) {
        List<String> out = new ArrayList<>();
        for (Key key : ALL) {
            raw.apply(key.property()).filter(v -> !v.isEmpty()).flatMap(value -> problem(key, value))
                    .ifPresent(out::add);
        }
        return out;
    }

    private static Optional<String> problem(Key key, String value) {
        String fix = fixOf(key.type(), value);
        return fix == null ? Optional.empty() : Optional.of(key.env() + " (" + key.property() + ") is \"" + value
                + "\": " + fix);
    }

    // The fix for a value that is not of the type, or null when it is.
    private static String fixOf(Class<?> type, String value) {
        try {
            if (type == Duration.class) {
                new DurationConverter().convert(value);
            } else if (type == boolean.class || type == Boolean.class) {
                new StrictBoolean().convert(value);
            } else if (type == int.class) {
                Integer.parseInt(value.strip());
            } else if (type == double.class) {
                Double.parseDouble(value.strip());
            } else if (type.isEnum()) {
                return enumFix(type, value);
            }
            return null;
        } catch (RuntimeException e) {
            return type == Duration.class ? "not a duration; write one such as 500ms, 1s, 30s or PT1M"
                    : type == int.class ? "not a whole number" : type == double.class ? "not a number"
                    : "not a boolean; write true or false";
        }
    }

    private static String enumFix(Class<?> type, String value) {
        List<String> names = new ArrayList<>();
        for (Object constant : type.getEnumConstants()) {
            String name = ((Enum<?>) constant).name().toLowerCase(Locale.ROOT);
            if (name.equals(value.strip().toLowerCase(Locale.ROOT))) {
                return null;
            }
            names.add(name);
        }
        return "write one of " + String.join(", ", names);
    }

    private static List<Key> keys(String prefix, Class<?> group) {
        List<Key> out = new ArrayList<>();
        for (Method method : group.getDeclaredMethods()) {
            if (method.getParameterCount() != 0 || method.isDefault() || method.isSynthetic()) {
                continue;
            }
            String property = prefix + "." + kebab(method.getName());
            Class<?> type = valueType(method.getGenericReturnType());
            if (type.isInterface() && type.getPackage() == SidecarConfig.class.getPackage()) {
                out.addAll(keys(property, type));
            } else {
                WithDefault value = method.getAnnotation(WithDefault.class);
                out.add(new Key(property, method.getAnnotation(WithConverter.class) != null
                        && type == Boolean.class ? boolean.class : type, Optional.ofNullable(value)
                        .map(WithDefault::value)));
            }
        }
        out.sort(java.util.Comparator.comparing(Key::property));
        return List.copyOf(out);
    }

    private static Class<?> valueType(Type type) {
        if (type instanceof ParameterizedType p && p.getRawType() == Optional.class) {
            return (Class<?>) p.getActualTypeArguments()[0];
        }
        return type instanceof Class<?> c ? c : Object.class;
    }

    private static String kebab(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
