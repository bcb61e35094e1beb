package io.github.redissidecar.info;

import java.util.OptionalDouble;

/** Lenient number parsing for INFO values: never throws, NaN and infinities count as absent. */
public final class Numbers {

    private Numbers() {
    }

    public static OptionalDouble parse(String value) {
        if (value == null || value.isEmpty() || !looksNumeric(value)) {
            return OptionalDouble.empty();
        }
        try {
            double d = Double.parseDouble(value);
            return Double.isFinite(d) ? OptionalDouble.of(d) : OptionalDouble.empty();
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }

    // Double.parseDouble accepts "NaN", "Infinity", "0x1p3" and trailing "d"/"f": INFO never means those.
    private static boolean looksNumeric(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean ok = (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
