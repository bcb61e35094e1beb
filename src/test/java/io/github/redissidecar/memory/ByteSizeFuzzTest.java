package io.github.redissidecar.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.redissidecar.testing.Fuzz;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Sizes from outside: any text parses to a non-negative size or to nothing, at once, and never throws. */
class ByteSizeFuzzTest {

    @Test
    void anyTextIsASizeOrNothingNeverAnErrorAndNeverSlow() {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> Fuzz.run(11, 20_000, input -> assertTrue(
                ByteSize.parse(input).map(bytes -> bytes >= 0).orElse(true), input)));
    }

    @Test
    void hugeNumbersExponentsAndOtherScriptsDigitsAreNotSizes() {
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            assertEquals(Optional.empty(), ByteSize.parse("9".repeat(5_000_000)));
            assertEquals(Optional.empty(), ByteSize.parse("1e100000000m"));
            assertEquals(Optional.empty(), ByteSize.parse("99999999999999999999"));
            assertEquals(Optional.empty(), ByteSize.parse("\uff11\uff12mb"));
            assertEquals(Optional.of(Long.MAX_VALUE), ByteSize.parse("9223372036854775807"));
        });
    }
}
