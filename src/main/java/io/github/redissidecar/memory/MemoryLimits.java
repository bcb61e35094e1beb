package io.github.redissidecar.memory;

import java.util.Optional;
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

    /**
     * Whether Redis is without a memory limit in a limited container: maxmemory 0, or above the container limit.
     * It then grows until the kernel OOM-kills it (losing everything) instead of evicting or rejecting writes.
     * Empty when the container limit is unknown.
     */
    public Optional<Boolean> unbounded() {
        return containerLimit.isPresent()
                ? Optional.of(maxmemory <= 0 || maxmemory > containerLimit.getAsLong()) : Optional.empty();
    }

    /** used / effective limit; empty when no limit is known. */
    public OptionalDouble usageRatio(long usedMemory) {
        OptionalLong limit = effective();
        return limit.isPresent() && limit.getAsLong() > 0
                ? OptionalDouble.of((double) usedMemory / limit.getAsLong()) : OptionalDouble.empty();
    }
}
