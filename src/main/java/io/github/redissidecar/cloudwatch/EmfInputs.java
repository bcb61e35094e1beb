package io.github.redissidecar.cloudwatch;

import io.github.redissidecar.info.InfoSnapshot;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What one document is made of, read when it is written.
 *
 * @param info the poll's INFO, empty when Redis did not answer
 * @param containerLimit the memory limit of Redis's container, when known
 * @param containerMemoryUsed what the kernel counts against that limit for Redis's container (ECS task stats:
 *     usage less inactive page cache), when known
 * @param restartsDetected the sidecar's count of Redis restarts since it started
 * @param settingsRestored the sidecar's count of parameters it set back since it started
 */
public record EmfInputs(Optional<InfoSnapshot> info, OptionalLong containerLimit, OptionalLong containerMemoryUsed,
        long restartsDetected, long settingsRestored) {
}
