package io.github.redissidecar.settings;

import java.util.Set;

/**
 * What the safety rules need to know about the server at the time of a check.
 *
 * @param usedMemory {@code used_memory} in bytes, -1 when unknown
 * @param loading whether Redis is still loading its dataset (then {@code used_memory} is not final)
 * @param restores the parameters whose desired value puts back what this server life had or came back without
 *     ({@link LifeSettings}): the maxmemory margin does not hold them back
 * @param policy the maxmemory-policy in force once the check is done (the desired one, set before maxmemory, or
 *     the current one)
 */
public record ServerFacts(long usedMemory, boolean loading, Set<String> restores, String policy) {

    public ServerFacts {
        restores = Set.copyOf(restores);
    }

    public ServerFacts(long usedMemory, boolean loading) {
        this(usedMemory, loading, Set.of(), "noeviction");
    }

    /** Whether Redis may evict any key to make room ({@code allkeys-*}), rather than only some, or none. */
    public boolean evictsAnyKey() {
        return policy.startsWith("allkeys-");
    }
}
