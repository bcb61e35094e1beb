package io.github.redissidecar.enforce;

import java.lang.System.Logger.Level;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Logs a condition once until it clears: a maxmemory blocked for hours, or a CONFIG command that is not
 * permitted, costs one line, not one per check. Keys start with the parameter (or topic) and a '|'.
 */
final class OnceLog {

    private final System.Logger log;
    private final Set<String> logged = ConcurrentHashMap.newKeySet();

    OnceLog(System.Logger log) {
        this.log = log;
    }

    void warn(String key, String message) {
        if (logged.add(key)) {
            log.log(Level.WARNING, message);
        }
    }

    void info(String key, String message) {
        if (logged.add(key)) {
            log.log(Level.INFO, message);
        }
    }

    /** The condition of {@code topic} cleared: log it again if it comes back. */
    void forget(String topic) {
        logged.removeIf(k -> k.startsWith(topic + "|"));
    }
}
