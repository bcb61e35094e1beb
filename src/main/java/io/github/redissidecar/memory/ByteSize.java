package io.github.redissidecar.memory;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Parses memory sizes the way users write them: redis.conf units (k = 1000, kb = 1024, m = 10^6, mb = 2^20, g,
 * gb; case-insensitive, as Redis does) and Kubernetes binary units (Ki, Mi, Gi, Ti). Decimals are allowed
 * ({@code 1.5gb}); the result is rounded down to whole bytes. ASCII digits only, no exponents, at most
 * {@link #MAX_CHARS} characters.
 */
public final class ByteSize {

    private static final long K = 1024;
    private static final Map<String, Long> UNITS = Map.ofEntries(
            Map.entry("", 1L), Map.entry("b", 1L),
            Map.entry("k", 1_000L), Map.entry("kb", K), Map.entry("ki", K), Map.entry("kib", K),
            Map.entry("m", 1_000_000L), Map.entry("mb", K * K), Map.entry("mi", K * K), Map.entry("mib", K * K),
            Map.entry("g", 1_000_000_000L), Map.entry("gb", K * K * K), Map.entry("gi", K * K * K),
            Map.entry("gib", K * K * K),
            Map.entry("t", 1_000_000_000_000L), Map.entry("tb", K * K * K * K), Map.entry("ti", K * K * K * K),
            Map.entry("tib", K * K * K * K));

    /** Longer than any size there is (Long.MAX_VALUE has 19 digits): the number is not parsed at all. */
    static final int MAX_CHARS = 40;

    private ByteSize() {
    }

    /** The size in bytes, or empty when the text is not a size. Never throws. */
    public static Optional<Long> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.strip().toLowerCase(Locale.ROOT);
        if (s.length() > MAX_CHARS) {
            return Optional.empty();
        }
        // ASCII digits only: Character.isDigit would take full-width and other scripts' digits for a size.
        int split = 0;
        while (split < s.length() && ((s.charAt(split) >= '0' && s.charAt(split) <= '9') || s.charAt(split) == '.')) {
            split++;
        }
        Long unit = UNITS.get(s.substring(split).strip());
        if (split == 0 || unit == null) {
            return Optional.empty();
        }
        try {
            BigDecimal bytes = new BigDecimal(s.substring(0, split)).multiply(BigDecimal.valueOf(unit));
            return bytes.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0
                    ? Optional.empty() : Optional.of(bytes.longValue());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** For people: {@code 268435456} is {@code 256 MiB}, {@code 169445568} is {@code 161.6 MiB}. */
    public static String human(long bytes) {
        String[] units = {"bytes", "KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = 0;
        while (Math.abs(value) >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return unit == 0 ? bytes + " bytes" : (value == Math.rint(value) ? String.format(Locale.ROOT, "%.0f %s",
                value, units[unit]) : String.format(Locale.ROOT, "%.1f %s", value, units[unit]));
    }
}
