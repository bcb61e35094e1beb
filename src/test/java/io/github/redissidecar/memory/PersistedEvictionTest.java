package io.github.redissidecar.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class PersistedEvictionTest {

    @Test
    void anAllkeysPolicyOnAPersistingRedisSaysItMayEvictWhatItPersists() {
        String line = PersistedEviction.of("allkeys-lru", Optional.of("AOF"), OptionalDouble.empty()).orElseThrow();
        assertTrue(line.startsWith("maxmemory-policy allkeys-lru on a Redis that persists its data (AOF): at "
                + "maxmemory it evicts any key, so what it persists (queued tasks, sessions, state) can vanish"), line);
        assertTrue(line.contains(". Fix: for queues, sessions or state use volatile-lru"), line);
        assertEquals(1, line.lines().count());
    }

    @Test
    void knownTtlsNameTheShareAndMostlyExpiringKeysAreLeftAlone() {
        assertTrue(PersistedEviction.of("allkeys-lfu", Optional.of("RDB"), OptionalDouble.of(0.93)).orElseThrow()
                .contains("(RDB), and 93 % of its keys have no TTL:"));
        assertEquals(Optional.empty(), PersistedEviction.of("allkeys-lru", Optional.of("RDB"), OptionalDouble.of(0.5)),
                "half the keys expire: a cache that persists, as intended");
    }

    @Test
    void otherPoliciesAndNoPersistenceSayNothing() {
        for (String policy : new String[] {"volatile-lru", "noeviction", "volatile-ttl"}) {
            assertEquals(Optional.empty(), PersistedEviction.of(policy, Optional.of("AOF"), OptionalDouble.of(1)));
        }
        assertEquals(Optional.empty(), PersistedEviction.of("allkeys-lru", Optional.empty(), OptionalDouble.of(1)));
    }
}
