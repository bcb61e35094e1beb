package io.github.redissidecar.settings;

import io.github.redissidecar.checks.Printable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * The validated, normalised settings the sidecar keeps in Redis, in the order written. Everything that can be
 * checked without a server is checked here, so a mistake stops startup instead of surfacing at the first restart.
 */
public final class DesiredSettings {

    private static final String LIMIT_KEY = "SIDECAR_CONTAINER_MEMORY_LIMIT";
    private static final Pattern PERCENT = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,6})?");
    private static final long MIN_PERCENT_BYTES = 1024 * 1024;

    private final List<DesiredSetting> settings;

    private DesiredSettings(List<DesiredSetting> settings) {
        this.settings = List.copyOf(settings);
    }

    public static DesiredSettings none() {
        return new DesiredSettings(List.of());
    }

    /**
     * @param lines the directives of every source, in order
     * @param containerLimit the container memory limit, needed for {@code maxmemory N%}
     * @throws SettingsException naming the line, the value and the fix
     */
    public static DesiredSettings of(List<ConfLine> lines, OptionalLong containerLimit) {
        Map<String, DesiredSetting> byParameter = new LinkedHashMap<>();
        for (ConfLine line : lines) {
            DesiredSetting setting = resolve(line, containerLimit);
            DesiredSetting earlier = byParameter.get(setting.parameter());
            if (earlier != null && line.parameter().equals("save")) {
                setting = appendSave(earlier, setting);
            } else if (earlier != null) {
                throw new SettingsException(line, setting.parameter() + " is already set by " + earlier.origin()
                        + "; keep one of the two");
            }
            byParameter.put(setting.parameter(), setting);
        }
        return new DesiredSettings(new ArrayList<>(byParameter.values()));
    }

    public List<DesiredSetting> all() {
        return settings;
    }

    public boolean isEmpty() {
        return settings.isEmpty();
    }

    /** The desired value of {@code parameter}, as CONFIG GET reports it. */
    public java.util.Optional<String> value(String parameter) {
        return settings.stream().filter(s -> s.parameter().equals(parameter)).map(DesiredSetting::value).findFirst();
    }

    /** Only the settings of these parameters. */
    public DesiredSettings only(java.util.Set<String> parameters) {
        return new DesiredSettings(settings.stream().filter(s -> parameters.contains(s.parameter())).toList());
    }

    public List<String> parameters() {
        return settings.stream().map(DesiredSetting::parameter).toList();
    }

    private static DesiredSetting resolve(ConfLine line, OptionalLong containerLimit) {
        String written = line.joinedArgs();
        if (line.parameter().equals("maxmemory")) {
            long bytes = maxmemory(line, written.strip(), containerLimit);
            return new DesiredSetting("maxmemory", Long.toString(bytes), written, line.origin());
        }
        return new DesiredSetting(line.parameter(), ParameterCatalog.normalise(line), written, line.origin());
    }

    private static long maxmemory(ConfLine line, String written, OptionalLong containerLimit) {
        long bytes = written.endsWith("%") ? percentOf(line, written, containerLimit)
                : ParameterCatalog.size(line, written);
        if (containerLimit.isPresent() && bytes > containerLimit.getAsLong()) {
            throw new SettingsException(line, "maxmemory " + bytes + " bytes is above the container memory limit of "
                    + containerLimit.getAsLong() + " bytes, so the kernel would kill Redis before Redis evicts; "
                    + "lower it, or write it as a percentage such as 35%");
        }
        return bytes;
    }

    private static long percentOf(ConfLine line, String written, OptionalLong containerLimit) {
        String number = written.substring(0, written.length() - 1).strip();
        // ASCII digits, bounded: BigDecimal would take an exponent of a hundred million digits' worth of time.
        if (!PERCENT.matcher(number).matches()) {
            throw new SettingsException(line, "\"" + Printable.of(written) + "\" is not a percentage; write e.g. 35% or 33.25% "
                    + "(digits, at most 6 decimals)");
        }
        BigDecimal percent = new BigDecimal(number);
        if (percent.signum() <= 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new SettingsException(line, "maxmemory " + written + " must be above 0% and at most 100% of the "
                    + "container memory limit (for no limit at all write maxmemory 0)");
        }
        if (containerLimit.isEmpty()) {
            throw new SettingsException(line, "maxmemory as a percentage needs the container memory limit; set "
                    + LIMIT_KEY + " (e.g. 768mb, or auto inside Redis's own container) or write maxmemory in "
                    + "bytes (e.g. 512mb)");
        }
        long bytes = BigDecimal.valueOf(containerLimit.getAsLong()).multiply(percent)
                .divide(BigDecimal.valueOf(100), 0, RoundingMode.FLOOR).longValueExact();
        // Rounded to nothing it would read as maxmemory 0, no limit at all; a few bytes would evict everything.
        if (bytes < MIN_PERCENT_BYTES) {
            throw new SettingsException(line, "maxmemory " + written + " of the container limit is " + bytes
                    + " bytes, below 1 MiB: Redis would evict nearly everything; write a larger percentage");
        }
        return bytes;
    }

    // redis.conf accumulates save lines; save "" clears them.
    private static DesiredSetting appendSave(DesiredSetting earlier, DesiredSetting next) {
        String value = next.value().isEmpty() || earlier.value().isEmpty() ? next.value()
                : earlier.value() + " " + next.value();
        return new DesiredSetting("save", value, value, earlier.origin() + ", " + next.origin());
    }
}
