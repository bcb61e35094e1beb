package io.github.redissidecar.validate;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compose memory limits ({@code mem_limit: 768m}, {@code deploy.resources.limits.memory}) in Docker's units,
 * which are binary (768m is 768 MiB), unlike redis.conf's m (10^6); a YAML number is bytes. Docker's Go parser
 * (go-units RAMInBytes) has no Java counterpart, hence this one. Like it, no exponents and no sign; the number is
 * bounded in length before BigDecimal sees it ("1e100000000m" would take BigDecimal minutes) and in value after.
 */
final class DockerMemory {

    private static final Map<String, Long> UNITS = Map.of("", 1L, "k", 1L << 10, "m", 1L << 20, "g", 1L << 30,
            "t", 1L << 40);
    private static final Pattern SIZE = Pattern.compile("([0-9.]{1," + Limits.NUMBER_CHARS + "})\\s*([kmgt]?)(?:i?b)?");
    private static final BigDecimal MAX = BigDecimal.valueOf(Limits.MEMORY_BYTES);

    private DockerMemory() {
    }

    /** @throws UnusableInput when the value is not a Docker memory size, or above {@link Limits#MEMORY_BYTES} */
    static OptionalLong bytes(Object value, String where) {
        if (value == null) {
            return OptionalLong.empty();
        }
        BigDecimal bytes = value instanceof Number number ? fromNumber(number) : fromText(value.toString());
        if (bytes != null && bytes.compareTo(MAX) > 0) {
            throw new UnusableInput(where + " is " + Quoted.quote(value) + ", over the " + Limits.MEMORY_BYTES_TEXT
                    + " validate accepts as a memory limit (no container has that much); write the container's limit "
                    + "in Docker's units, e.g. 768m or 64g");
        }
        long whole = bytes == null ? 0 : bytes.setScale(0, RoundingMode.FLOOR).longValueExact();
        if (whole > 0) {
            return OptionalLong.of(whole);
        }
        throw new UnusableInput(where + " is " + Quoted.quote(value) + ", which is not a memory size in Docker's "
                + "units; write e.g. 768m, 1g or 805306368 (bytes)");
    }

    // A YAML number is bytes; null when it is no size at all.
    private static BigDecimal fromNumber(Number number) {
        if (number instanceof Double || number instanceof Float) {
            double d = number.doubleValue();
            return Double.isFinite(d) ? BigDecimal.valueOf(d) : null;
        }
        if (number instanceof BigInteger big) {
            // Past 64 bits it is over the limit whatever it is; BigDecimal of it costs nothing then.
            return big.bitLength() > 63 ? MAX.add(BigDecimal.ONE) : new BigDecimal(big);
        }
        return number instanceof BigDecimal exact ? exact : fromText(number.toString());
    }

    // Text as go-units reads it: a number, an optional space, a unit; null when that is not what it is.
    private static BigDecimal fromText(String value) {
        String text = value.strip().toLowerCase(Locale.ROOT);
        if (text.length() > Limits.NUMBER_CHARS + 4) {
            return null;
        }
        Matcher m = SIZE.matcher(text);
        if (!m.matches()) {
            return null;
        }
        try {
            return new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(UNITS.get(m.group(2))));
        } catch (NumberFormatException e) {
            return null; // "1.2.3": reported as not a size
        }
    }
}
