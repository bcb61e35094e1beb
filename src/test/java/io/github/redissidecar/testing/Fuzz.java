package io.github.redissidecar.testing;

import java.util.Random;
import java.util.function.Consumer;

/**
 * Seeded random inputs for the parsers that read outside input: text biased toward what breaks parsers (digits,
 * units, exponents, signs, separators, full-width digits, control characters, quotes, YAML and conf syntax, long runs).
 * A failing input is reported with its seed and index, so it can be replayed. Hand-written: jqwik 1.10 asks AI agents
 * not to use it and to disregard its results, so the property tests here use this instead.
 */
public final class Fuzz {

    private static final String[] PIECES = {
        "0", "1", "7", "9", "00", "42", "99999999999999999999", "9223372036854775807", ".", "..", "e", "E", "e-",
        "e+", "1e100000", "-", "+", "%", "k", "kb", "m", "mb", "g", "gb", "t", "Mi", "Gi", "Ki", "b", " ", "  ", "\t",
        "\n", "\r", "\r\n", "\0", "\u001b", "\"", "'", "\\", "#", "${", "}", "$", ":", "- ", "[", "]", "{", "}", "&a",
        "*a", "<<: ", "!!", "|", ">", ",", "=", "/", "１", "２", "٣", "𝟘", "\u00a0", "\u2028", "\ufeff", "é", "NaN",
        "Infinity", "0x1p3", "null", "true", "~", "maxmemory", "maxmemory-policy", "requirepass", "save", "include",
        "appendonly", "yes", "no", "allkeys-lru", "\"\"", "''", "1.5", "0.00000001", "-1", "1e-100000000",
    };

    private final Random random;

    private Fuzz(long seed) {
        this.random = new Random(seed);
    }

    /** Runs {@code check} on {@code tries} inputs from {@code seed}; a failure names the seed and input index. */
    public static void run(long seed, int tries, Consumer<String> check) {
        Fuzz fuzz = new Fuzz(seed);
        for (int i = 0; i < tries; i++) {
            String input = fuzz.next();
            try {
                check.accept(input);
            } catch (RuntimeException | AssertionError e) {
                throw new AssertionError("seed " + seed + ", input " + i + " " + printable(input) + ": " + e, e);
            }
        }
    }

    /** One input: up to 12 pieces or random characters; now and then one piece repeated into a long run. */
    public String next() {
        StringBuilder out = new StringBuilder();
        int parts = random.nextInt(13);
        for (int i = 0; i < parts; i++) {
            switch (random.nextInt(10)) {
                case 0 -> out.append((char) random.nextInt(0x3000));
                case 1 -> out.append(PIECES[random.nextInt(PIECES.length)].repeat(1 + random.nextInt(2000)));
                default -> out.append(PIECES[random.nextInt(PIECES.length)]);
            }
        }
        return out.toString();
    }

    /** The input as it can be read in a failure message: escaped and shortened. */
    public static String printable(String input) {
        StringBuilder out = new StringBuilder("\"");
        input.codePoints().limit(200).forEach(c -> out.append(c < 0x20 || c == 0x7f || c > 0x7e
                ? String.format("\\u%04x", c) : Character.toString(c)));
        return out.append(input.length() > 200 ? "…(" + input.length() + " chars)\"" : "\"").toString();
    }
}
