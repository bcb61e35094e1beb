package io.github.redissidecar.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UnappliedSetsTest {

    private static final long S = 1_000_000_000L;

    @Test
    void aSetThatDoesNotStickIsHeldBackOneSecondDoublingToFiveMinutes() {
        UnappliedSets sets = new UnappliedSets();
        List<Long> delays = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            delays.add(sets.notApplied("maxmemory", 0).toSeconds());
        }
        assertEquals(List.of(1L, 2L, 4L, 8L, 16L, 32L, 64L, 128L, 256L, 300L, 300L, 300L), delays);
    }

    @Test
    void heldBackUntilTheDelayHasPassedThenDueAgain() {
        UnappliedSets sets = new UnappliedSets();
        long start = 100 * S;
        assertEquals(Duration.ofSeconds(1), sets.notApplied("maxmemory", start));
        assertEquals(Set.of("maxmemory"), sets.heldBack(start + S / 2));
        assertEquals(Set.of(), sets.heldBack(start + S));
        assertTrue(sets.tried("maxmemory"), "still remembered: the next failure doubles the delay");
        assertEquals(Duration.ofSeconds(2), sets.notApplied("maxmemory", start + S));
        assertEquals(Set.of("maxmemory"), sets.heldBack(start + 2 * S));
    }

    @Test
    void aValueInPlaceStartsOver() {
        UnappliedSets sets = new UnappliedSets();
        sets.notApplied("maxmemory", 0);
        sets.notApplied("maxmemory", 0);
        sets.clear("maxmemory");
        assertFalse(sets.tried("maxmemory"));
        assertEquals(Set.of(), sets.heldBack(0));
        assertEquals(Duration.ofSeconds(1), sets.notApplied("maxmemory", 0));
        assertEquals(Set.of("maxmemory"), sets.heldBack(-S), "nanoTime may be negative");
    }
}
