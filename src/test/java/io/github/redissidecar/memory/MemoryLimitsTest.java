package io.github.redissidecar.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class MemoryLimitsTest {

    @Test
    void effectiveIsTheSmallerKnownLimit() {
        assertEquals(100, new MemoryLimits(100, OptionalLong.of(200)).effective().orElseThrow());
        assertEquals(150, new MemoryLimits(300, OptionalLong.of(150)).effective().orElseThrow());
        assertEquals(150, new MemoryLimits(0, OptionalLong.of(150)).effective().orElseThrow());
        assertEquals(300, new MemoryLimits(300, OptionalLong.empty()).effective().orElseThrow());
    }

    @Test
    void noLimitMeansNoRatioNeverInfinity() {
        MemoryLimits none = new MemoryLimits(0, OptionalLong.empty());
        assertTrue(none.effective().isEmpty());
        assertTrue(none.usageRatio(12345).isEmpty());
        assertEquals(0.5, new MemoryLimits(200, OptionalLong.empty()).usageRatio(100).orElseThrow());
    }

    @Test
    void unboundedIsNoMaxmemoryOrOneAboveAKnownContainerLimit() {
        assertEquals(java.util.Optional.of(true), new MemoryLimits(0, OptionalLong.of(200)).unbounded());
        assertEquals(java.util.Optional.of(true), new MemoryLimits(300, OptionalLong.of(200)).unbounded());
        assertEquals(java.util.Optional.of(false), new MemoryLimits(200, OptionalLong.of(200)).unbounded());
        assertEquals(java.util.Optional.empty(), new MemoryLimits(0, OptionalLong.empty()).unbounded(),
                "without a container limit nobody knows");
    }
}
