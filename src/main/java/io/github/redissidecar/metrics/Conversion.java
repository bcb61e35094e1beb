package io.github.redissidecar.metrics;

import io.github.redissidecar.info.Numbers;
import java.util.OptionalDouble;

/** How an INFO value becomes a sample value; mirrors redis_exporter's conversions so values match too. */
public enum Conversion {
    /** Numbers as they are; status words ok/up → 1 and err/fail/down → 0, as redis_exporter does. */
    VALUE(1),
    /** Microseconds to seconds (latest_fork_usec, commandstats usec). */
    USEC_TO_SECONDS(1e6),
    /** Milliseconds to seconds (keyspace avg_ttl). */
    MS_TO_SECONDS(1e3);

    // A divisor, not a factor: 101982 / 1e6 prints as 0.101982, 101982 * 1e-6 does not.
    private final double divisor;

    Conversion(double divisor) {
        this.divisor = divisor;
    }

    public OptionalDouble apply(String raw) {
        OptionalDouble number = Numbers.parse(raw);
        if (number.isPresent()) {
            return OptionalDouble.of(number.getAsDouble() / divisor);
        }
        return status(raw);
    }

    private static OptionalDouble status(String raw) {
        return switch (raw == null ? "" : raw) {
            case "ok", "up" -> OptionalDouble.of(1);
            case "err", "fail", "down" -> OptionalDouble.of(0);
            default -> OptionalDouble.empty();
        };
    }
}
