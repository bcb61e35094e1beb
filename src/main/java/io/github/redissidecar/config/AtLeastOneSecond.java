package io.github.redissidecar.config;

import io.quarkus.runtime.configuration.DurationConverter;
import java.time.Duration;
import org.eclipse.microprofile.config.spi.Converter;

/**
 * A duration of 1 s or more. Checked while the configuration is read, before the scheduler starts: a shorter
 * interval checked later, in a bean, would already be ticking when the start is refused.
 */
public class AtLeastOneSecond implements Converter<Duration> {

    private static final DurationConverter DURATION = new DurationConverter();

    @Override
    public Duration convert(String value) {
        Duration duration = DURATION.convert(value);
        if (duration != null && duration.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("below 1s; use 1s or more");
        }
        return duration;
    }
}
