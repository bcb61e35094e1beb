package io.github.redissidecar.metrics;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * At most {@link #MAX_DATABASES} databases in the keyspace series. Empty databases are exported with zero keys up to
 * the server's {@code databases} setting (as redis_exporter does), and a server may say {@code databases 300000}:
 * three series per empty database would be a page, and memory, that nobody can use. Redis's default is 16; 256 is
 * sixteen times that. Databases that hold keys come first, in index order, then empty ones from db0 up; what is
 * left out is counted on the page ({@code redis_sidecar_keyspace_databases_not_exported}) and logged once.
 */
final class DatabaseCap {

    static final int MAX_DATABASES = 256;
    private static final System.Logger LOG = System.getLogger(DatabaseCap.class.getName());
    private static final AtomicBoolean LOGGED = new AtomicBoolean();

    /** The databases to export and how many were left out. */
    record Capped(Map<String, Map<String, String>> databases, long notExported) {
    }

    private DatabaseCap() {
    }

    /**
     * @param withKeys the databases INFO keyspace lists, by name ({@code db3})
     * @param databases the server's {@code databases} setting, 0 when unknown
     */
    static Capped of(Map<String, Map<String, String>> withKeys, int databases) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        List<String> names = withKeys.keySet().stream().sorted(Comparator.comparingLong(DatabaseCap::index)).toList();
        for (String name : names) {
            if (out.size() < MAX_DATABASES) {
                out.put(name, withKeys.get(name));
            }
        }
        for (int i = 0; i < databases && out.size() < MAX_DATABASES; i++) {
            out.putIfAbsent("db" + i, Map.of("keys", "0", "expires", "0"));
        }
        long all = Math.max(databases, 0) + names.stream().filter(n -> index(n) >= databases).count();
        long notExported = Math.max(0, all - out.size());
        if (notExported > 0 && LOGGED.compareAndSet(false, true)) {
            LOG.log(System.Logger.Level.WARNING, "Redis reports " + all + " databases; the keyspace series "
                    + "(redis_db_keys...) cover " + MAX_DATABASES + " of them, those with keys first. "
                    + "redis_sidecar_keyspace_databases_not_exported counts the others");
        }
        return new Capped(new TreeMap<>(out), notExported); // the page lists databases as before: by name
    }

    private static long index(String name) {
        try {
            return Long.parseLong(name.substring(2));
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            return Long.MAX_VALUE;
        }
    }
}
