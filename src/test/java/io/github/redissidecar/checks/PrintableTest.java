package io.github.redissidecar.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.redissidecar.testing.Fuzz;
import org.junit.jupiter.api.Test;

/** Outside text in a log line: one line whatever it holds, and bounded. */
class PrintableTest {

    @Test
    void lineBreaksAndControlCharactersAreEscaped() {
        assertEquals("a\\r\\nWARN forged\\x1b[31m\\u2028x", Printable.of("a\r\nWARN forged\u001b[31m\u2028x"));
    }

    @Test
    void longTextIsCutAndSaysHowLongItWas() {
        assertEquals("x".repeat(200) + "…(1000 characters)", Printable.of("x".repeat(1000)));
    }

    @Test
    void nothingItPrintsHoldsALineBreakOrAControlCharacter() {
        Fuzz.run(7, 5_000, input -> {
            String shown = Printable.of(input);
            assertFalse(Printable.hasControl(shown), shown);
            assertTrue(shown.length() <= Printable.MAX_CHARS * 6 + 40, () -> "bounded: " + shown.length());
        });
    }
}
