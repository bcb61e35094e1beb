package io.github.redissidecar.settings;

import io.github.redissidecar.checks.Printable;
import io.github.redissidecar.memory.ByteSize;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the sidecar knows about Redis parameters: which take sizes, which take one of a fixed set of words, which
 * must never be set at runtime, and which are not runtime parameters at all. Values are normalised to the form
 * CONFIG GET reports, so the comparison with the server is exact. Parameters not listed here are passed through
 * as written; {@link SettingsDiff} learns Redis's own spelling of them after the first set.
 */
public final class ParameterCatalog {

    /** Sizes: CONFIG GET reports them in bytes. */
    static final Set<String> SIZES = Set.of("maxmemory", "proto-max-bulk-len", "client-query-buffer-limit",
            "repl-backlog-size", "active-defrag-ignore-bytes", "auto-aof-rewrite-min-size", "stream-node-max-bytes",
            "hash-max-listpack-value", "hash-max-ziplist-value", "zset-max-listpack-value",
            "zset-max-ziplist-value", "set-max-listpack-value");

    /** Enumerations: Redis matches them case-insensitively and reports them in lower case. */
    static final Map<String, Set<String>> ENUMS = Map.of(
            "maxmemory-policy", Set.of("volatile-lru", "allkeys-lru", "volatile-lfu", "allkeys-lfu",
                    "volatile-random", "allkeys-random", "volatile-ttl", "noeviction"),
            "appendfsync", Set.of("always", "everysec", "no"),
            "loglevel", Set.of("debug", "verbose", "notice", "warning", "nothing"));

    /**
     * Set only when Redis boots: changing them on a running server points it at other files or, for
     * {@code appendonly yes} after a restart without AOF, rewrites an empty dataset over the AOF on disk.
     */
    public static final Set<String> BOOT_ONLY = Set.of("dir", "dbfilename", "appendfilename", "appenddirname");

    /** Directives of redis.conf that CONFIG SET does not take, or that would cut the sidecar off from Redis. */
    private static final Map<String, String> REFUSED = Map.ofEntries(
            Map.entry("include", "not a runtime parameter; keep it in redis.conf"),
            Map.entry("rename-command", "not a runtime parameter; keep it in redis.conf"),
            Map.entry("loadmodule", "not a runtime parameter; keep it in redis.conf"),
            Map.entry("user", "ACL users are not settings; manage them with ACL SETUSER or an ACL file"),
            Map.entry("replicaof", "replication is not a memory setting; use REPLICAOF or redis.conf"),
            Map.entry("slaveof", "replication is not a memory setting; use REPLICAOF or redis.conf"),
            Map.entry("port", "changing it would cut the sidecar's own connection; set it on Redis's command line"),
            Map.entry("tls-port", "changing it would cut the sidecar's own connection; set it on Redis's command "
                    + "line"),
            Map.entry("bind", "changing it would cut the sidecar's own connection; set it on Redis's command line"),
            Map.entry("unixsocket", "changing it would cut the sidecar's own connection; set it on Redis's "
                    + "command line"));

    private static final String SECRET = "passwords do not belong in settings that /status shows (the line is not "
            + "shown); set it on Redis's command line or in redis.conf";

    private ParameterCatalog() {
    }

    /** requirepass, masterauth and every *pass* parameter (tls-key-file-pass, ...): their values are never shown. */
    public static boolean isSecret(String parameter) {
        return parameter.equals("requirepass") || parameter.equals("masterauth") || parameter.contains("pass");
    }

    static boolean isParameterName(String word) {
        return word.length() <= 64 && word.matches("[a-z0-9][a-z0-9-]*");
    }

    /** The value as CONFIG GET reports it. {@code maxmemory N%} is resolved by {@link DesiredSettings}. */
    static String normalise(ConfLine line) {
        String parameter = line.parameter();
        if (!isParameterName(parameter)) {
            throw new SettingsException(line, (SettingsException.quotable(line) ? "\"" + Printable.of(parameter)
                    + "\" is" : "the first word is") + " not a Redis parameter name; write one \"parameter value\" per "
                    + "line, e.g. \"maxmemory 512mb\"");
        }
        if (isSecret(parameter)) {
            throw new SettingsException(line, parameter + " cannot be a sidecar setting: " + SECRET);
        }
        String refused = REFUSED.get(parameter);
        if (refused != null) {
            throw new SettingsException(line, parameter + " cannot be a sidecar setting: " + refused);
        }
        String value = line.joinedArgs();
        if (SIZES.contains(parameter)) {
            return Long.toString(size(line, value));
        }
        Set<String> choices = ENUMS.get(parameter);
        if (choices != null) {
            return choice(line, value, choices);
        }
        String lower = value.toLowerCase(Locale.ROOT);
        return lower.equals("yes") || lower.equals("no") ? lower : value;
    }

    /**
     * Whether Redis's report of a value is the same value spelled another way: the same characters, ignoring
     * case, order and blanks ({@code notify-keyspace-events Ex} is reported as {@code xE}). A different value
     * typed by hand in between never passes, so it cannot be mistaken for a spelling.
     */
    public static boolean sameUpToSpelling(String desired, String reported) {
        return letters(desired).equals(letters(reported));
    }

    private static String letters(String value) {
        return value.toLowerCase(Locale.ROOT).chars().filter(c -> !Character.isWhitespace(c)).sorted()
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    static long size(ConfLine line, String value) {
        return ByteSize.parse(value).orElseThrow(() -> new SettingsException(line, "\"" + Printable.of(value)
                + "\" is not a size; write bytes or a size with a redis.conf unit, e.g. 536870912, 512mb, 1.5gb"
                + (line.parameter().equals("maxmemory") ? ", or a percentage of the container limit, e.g. 35%"
                        : "")));
    }

    private static String choice(ConfLine line, String value, Set<String> choices) {
        String lower = value.toLowerCase(Locale.ROOT);
        if (!choices.contains(lower)) {
            throw new SettingsException(line, "\"" + Printable.of(value) + "\" is not a valid " + line.parameter()
                    + "; use one of " + String.join(", ", choices.stream().sorted().toList()));
        }
        return lower;
    }
}
