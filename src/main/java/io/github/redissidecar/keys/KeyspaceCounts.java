package io.github.redissidecar.keys;

import io.github.redissidecar.info.InfoParser;
import io.github.redissidecar.info.InfoSnapshot;
import io.github.redissidecar.info.Numbers;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/** Keys per database from INFO keyspace ({@code db3:keys=120,expires=7,...}), only databases that hold keys. */
public final class KeyspaceCounts {

    private KeyspaceCounts() {
    }

    /** The share of all keys without a TTL (INFO keyspace's keys and expires), when there are keys. */
    public static OptionalDouble withoutTtlShare(InfoSnapshot info) {
        double keys = 0;
        double expires = 0;
        for (Map.Entry<String, String> field : info.fields().entrySet()) {
            if (field.getKey().matches("db\\d+") && "keyspace".equals(info.sectionOf(field.getKey())
                    .orElse("keyspace"))) {
                Map<String, String> counts = InfoParser.subFields(field.getValue());
                keys += Numbers.parse(counts.get("keys")).orElse(0);
                expires += Numbers.parse(counts.get("expires")).orElse(0);
            }
        }
        return keys > 0 ? OptionalDouble.of((keys - expires) / keys) : OptionalDouble.empty();
    }

    /**
     * Databases sampled at most: each has a window of SIDECAR_KEYS_WINDOW samples, and a server may hold keys in
     * thousands of databases (databases 300000); Redis's default is 16 databases.
     */
    public static final int MAX_SAMPLED = 16;

    /** The {@code n} databases holding the most keys, by index. */
    public static Map<Integer, Long> largest(InfoSnapshot info, int n) {
        Map<Integer, Long> all = of(info);
        if (all.size() <= n) {
            return all;
        }
        Map<Integer, Long> out = new TreeMap<>();
        all.entrySet().stream().sorted(Map.Entry.<Integer, Long>comparingByValue().reversed()).limit(n)
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    public static Map<Integer, Long> of(InfoSnapshot info) {
        Map<Integer, Long> out = new TreeMap<>();
        info.fields().forEach((field, value) -> {
            if (field.matches("db\\d+") && "keyspace".equals(info.sectionOf(field).orElse("keyspace"))) {
                String keys = InfoParser.subFields(value).getOrDefault("keys", "0");
                try {
                    long n = Long.parseLong(keys);
                    if (n > 0) {
                        out.put(Integer.parseInt(field.substring(2)), n);
                    }
                } catch (NumberFormatException ignored) {
                    // A malformed line counts as no keys: the database is not sampled.
                }
            }
        });
        return out;
    }
}
