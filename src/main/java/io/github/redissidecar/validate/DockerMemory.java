package io.github.redissidecar.validate;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Compose memory limits ({@code mem_limit: 768m}, {@code deploy.resources.limits.memory}) in Docker's units,
 * which are binary (768m is 768 MiB), unlike redis.conf's m (10^6); a YAML number is bytes. Docker's Go parser
 * (go-units RAMInBytes) has no Java counterpart, hence this one.
 */
final class DockerMemory {

    private static final Map<String, Long> UNITS = Map.of("", 1L, "k", 1L << 10, "m", 1L << 20, "g", 1L << 30,
            "t", 1L << 40);

    private DockerMemory() {
    }

    /** @throws UnusableInput when the value is not a Docker memory size */
    static OptionalLong bytes(Object value, String where) {
        if (value == null) {
            return OptionalLong.empty();
        }
        String text = value.toString().strip().toLowerCase(Locale.ROOT);
        String number = text.replaceFirst("[a-z]+$", "").strip();
        String unit = text.substring(text.replaceFirst("[a-z]+$", "").length()).replaceFirst("i?b$", "");
        Long multiplier = UNITS.get(unit);
        try {
            if (multiplier != null && !number.isEmpty()) {
                long bytes = new BigDecimal(number).multiply(BigDecimal.valueOf(multiplier))
                        .setScale(0, java.math.RoundingMode.FLOOR).longValueExact();
                if (bytes > 0) {
                    return OptionalLong.of(bytes);
                }
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // Reported below, like an unknown unit.
        }
        throw new UnusableInput(where + " is \"" + value + "\", which is not a memory size in Docker's units; "
                + "write e.g. 768m, 1g or 805306368 (bytes)");
    }
}
