package io.github.redissidecar.info;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Parses the text of an {@code INFO} reply. Pure function: unknown fields are kept as text, malformed lines
 * (no colon, empty key, binary noise) are skipped, and nothing is ever thrown for any input.
 */
public final class InfoParser {

    /** The section the reply of CLUSTER INFO is filed under when a poll appends it (lower-case, as INFO's are). */
    public static final String CLUSTER_INFO_SECTION = "clusterinfo";

    private InfoParser() {
    }

    public static InfoSnapshot parse(String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        Map<String, String> sections = new LinkedHashMap<>();
        Set<String> read = new HashSet<>();
        if (text == null) {
            return new InfoSnapshot(fields, sections, read);
        }
        String section = "";
        for (String raw : text.split("\r?\n|\r")) {
            String line = raw.strip();
            if (line.startsWith("#")) {
                section = line.substring(1).strip().toLowerCase(Locale.ROOT);
                read.add(section);
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || !isPrintable(line)) {
                continue;
            }
            String key = line.substring(0, colon);
            fields.putIfAbsent(key, line.substring(colon + 1));
            sections.putIfAbsent(key, section);
        }
        return new InfoSnapshot(fields, sections, read);
    }

    /**
     * Splits a compound value such as {@code keys=10,expires=2,avg_ttl=0} (keyspace, commandstats, errorstats,
     * connected replicas). Pairs without '=' are skipped.
     */
    public static Map<String, String> subFields(String value) {
        Map<String, String> out = new LinkedHashMap<>();
        if (value == null) {
            return out;
        }
        for (String pair : value.split(",")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.putIfAbsent(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return out;
    }

    private static boolean isPrintable(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c < 0x20 && c != '\t') {
                return false;
            }
        }
        return true;
    }
}
