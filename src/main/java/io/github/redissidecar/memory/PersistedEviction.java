package io.github.redissidecar.memory;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What an allkeys-* policy does to a Redis that persists: at maxmemory it evicts any key, TTL or not, so queued
 * tasks, sessions and state that AOF or RDB was meant to keep can vanish without an error to anyone. The seeds chose
 * allkeys-lru for such Redis; this says it in one line, for validate (which cannot see TTLs) and /status (which
 * can).
 */
public final class PersistedEviction {

    /** Above this share of keys without a TTL, /status speaks: most of what is persisted is then evictable. */
    public static final double MOST_KEYS = 0.5;

    private PersistedEviction() {
    }

    /**
     * @param policy the maxmemory-policy, lower case
     * @param persistence {@code AOF}, {@code RDB} or {@code RDB and AOF}; empty when Redis persists nothing
     * @param withoutTtl the share of keys without a TTL when known (INFO keyspace); empty for a deploy file
     * @return the sentence and its fix, or empty when the policy cannot evict persisted keys or nothing is persisted
     */
    public static Optional<String> of(String policy, Optional<String> persistence, OptionalDouble withoutTtl) {
        if (!policy.startsWith("allkeys-") || persistence.isEmpty()
                || (withoutTtl.isPresent() && withoutTtl.getAsDouble() <= MOST_KEYS)) {
            return Optional.empty();
        }
        String keys = withoutTtl.isPresent() ? String.format(Locale.ROOT, ", and %.0f %% of its keys have no TTL",
                100 * withoutTtl.getAsDouble()) : "";
        return Optional.of("maxmemory-policy " + policy + " on a Redis that persists its data (" + persistence.get()
                + ")" + keys + ": at maxmemory it evicts any key, so what it persists (queued tasks, sessions, "
                + "state) can vanish without an error. Fix: for queues, sessions or state use volatile-lru (evicts "
                + "only keys with a TTL) or noeviction with the memory alerts; keep " + policy + " for a pure cache, "
                + "which needs no persistence");
    }
}
