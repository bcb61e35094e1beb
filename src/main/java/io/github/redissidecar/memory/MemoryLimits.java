package io.github.redissidecar.memory;

import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The limit Redis's memory really has: the smaller of {@code maxmemory} (when set) and the container limit (when
 * known). With neither, there is no limit and no usage ratio, rather than a division by zero.
 */
public record MemoryLimits(long maxmemory, OptionalLong containerLimit) {

    public OptionalLong effective() {
        if (maxmemory > 0 && containerLimit.isPresent()) {
            return OptionalLong.of(Math.min(maxmemory, containerLimit.getAsLong()));
        }
        return maxmemory > 0 ? OptionalLong.of(maxmemory) : containerLimit;
    }

    /** used / effective limit; empty when no limit is known. */
    public OptionalDouble usageRatio(long usedMemory) {
        OptionalLong limit = effective();
        return limit.isPresent() && limit.getAsLong() > 0
                ? OptionalDouble.of((double) usedMemory / limit.getAsLong()) : OptionalDouble.empty();
    }
}
