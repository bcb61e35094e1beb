package io.github.redissidecar.keys;

import io.github.redissidecar.info.InfoParser;
import io.github.redissidecar.info.InfoSnapshot;
import java.util.Map;
import java.util.TreeMap;

/** Keys per database from INFO keyspace ({@code db3:keys=120,expires=7,...}), only databases that hold keys. */
public final class KeyspaceCounts {

    private KeyspaceCounts() {
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
