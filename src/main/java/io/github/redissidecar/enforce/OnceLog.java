package io.github.redissidecar.enforce;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Logs a condition once until it clears: a maxmemory blocked for hours, or a CONFIG command that is not
 * permitted, costs one line, not one per check. Keys start with the parameter (or topic) and a '|'.
 */
final class OnceLog {

    private final Logger log;
    private final Set<String> logged = ConcurrentHashMap.newKeySet();

    OnceLog(Logger log) {
        this.log = log;
    }

    void warn(String key, String message) {
        if (logged.add(key)) {
            log.warn(message);
        }
    }

    void info(String key, String message) {
        if (logged.add(key)) {
            log.info(message);
        }
    }

    /** The condition of {@code topic} cleared: log it again if it comes back. */
    void forget(String topic) {
        logged.removeIf(k -> k.startsWith(topic + "|"));
    }
}
