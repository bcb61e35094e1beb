package io.github.redissidecar.keys;

import io.github.redissidecar.memory.ByteSize;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * An exact scan's result (or its progress): per database and group the bytes, their share, the keys, the share of
 * keys with a TTL and the biggest key names (names only, never a value; control characters escaped, long names cut).
 *
 * @param state running, done, cancelled or failed
 * @param error why it failed
 * @param progress keys scanned against the keys INFO counted when it started (0 to 1; SCAN may return a key twice)
 * @param longNamesSkipped keys whose names are longer than {@link KeyNames#MAX_BYTES}: not measured, not grouped
 */
public record ScanReport(String state, String error, String startedAt, double seconds, long keysScanned,
        long keysAtStart, double progress, long totalBytes, List<Group> groups, long longNamesSkipped) {

    /** At most this many characters of a key name are shown. */
    static final int NAME_CHARS = 120;

    public record Group(int db, String group, long bytes, double share, long keys, double ttlShare,
            List<Biggest> biggest, boolean folded) {
    }

    public record Biggest(String key, long bytes) {
    }

    static ScanReport of(ExactScan.State state, String error, long startedMillis, long endMillis, long scanned,
            long keysAtStart, List<ExactScan.Totals> totals, long longNamesSkipped) {
        long total = totals.stream().mapToLong(t -> t.bytes).sum();
        List<Group> groups = totals.stream().map(t -> new Group(t.db, shown(t.group), t.bytes, total > 0
                ? (double) t.bytes / total : 0, t.keys, t.keys > 0 ? (double) t.withTtl / t.keys : 0,
                t.biggest.stream().map(b -> new Biggest(shown(b.getKey()), b.getValue())).toList(), t.folded)).toList();
        return new ScanReport(state.name().toLowerCase(Locale.ROOT), error, Instant.ofEpochMilli(startedMillis)
                .toString(), (endMillis - startedMillis) / 1000.0, scanned, keysAtStart, keysAtStart > 0
                ? Math.min(1, (double) scanned / keysAtStart) : 1, total, groups, longNamesSkipped);
    }

    /**
     * A key name as it may be printed: control characters as {@code \xNN}, invisible format characters (such as a
     * right-to-left override) as a backslash, u and four hex digits; cut after about {@link #NAME_CHARS} characters,
     * with an ellipsis.
     */
    static String shown(String name) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        for (; i < name.length() && out.length() < NAME_CHARS; i++) {
            char c = name.charAt(i);
            if (Character.isISOControl(c)) {
                out.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
            } else if (Character.getType(c) == Character.FORMAT) {
                out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return i < name.length() ? out + "…" : out.toString();
    }

    /** One line for /status: where the scan is, or what it found. */
    public String summary() {
        return String.format(Locale.ROOT, "%s, started %s: %,d of %,d keys (%.0f %%), %s in %.0f s%s", state, startedAt,
                keysScanned, keysAtStart, 100 * progress, ByteSize.human(totalBytes), seconds,
                error == null ? "" : "; " + error);
    }

    /** The largest groups in words, for /status, which may be open: group labels only, no key name. */
    public List<String> top(int n) {
        return groups.stream().limit(n).map(g -> String.format(Locale.ROOT, "db%d %s: %s (%.1f %%), %,d keys, %.0f %% "
                + "of them with a TTL%s", g.db(), g.group(), ByteSize.human(g.bytes()), 100 * g.share(), g.keys(),
                100 * g.ttlShare(), g.folded() ? " (smaller groups summed in)" : "")).toList();
    }

    /** The report as a table for a terminal: one line per group, largest first, then its biggest keys. */
    public String text() {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "Exact scan %s: %,d keys (INFO counted %,d "
                + "at the start), %s in %.1f s%s%n", state, keysScanned, keysAtStart, ByteSize.human(totalBytes),
                seconds, error == null ? "" : "; " + error));
        if (longNamesSkipped > 0) {
            out.append(String.format(Locale.ROOT, "%,d keys skipped: names longer than %d bytes are not measured%n",
                    longNamesSkipped, KeyNames.MAX_BYTES));
        }
        out.append(String.format(Locale.ROOT, "%-4s %-40s %12s %7s %10s %8s%n", "db", "group", "bytes", "share",
                "keys", "ttl"));
        for (Group g : groups) {
            out.append(String.format(Locale.ROOT, "%-4s %-40s %12s %6.1f%% %,10d %7.0f%%%s%n", "db" + g.db(),
                    g.group(), ByteSize.human(g.bytes()), 100 * g.share(), g.keys(), 100 * g.ttlShare(),
                    g.folded() ? "  (smaller groups summed in)" : ""));
            for (Biggest b : g.biggest()) {
                out.append(String.format(Locale.ROOT, "       %s  %s%n", ByteSize.human(b.bytes()), b.key()));
            }
        }
        return out.toString();
    }
}
