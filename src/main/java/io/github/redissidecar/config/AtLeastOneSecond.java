package io.github.redissidecar.config;

import io.quarkus.runtime.configuration.DurationConverter;
import java.time.Duration;
import org.eclipse.microprofile.config.spi.Converter;

/**
 * A duration of 1 s or more, refused while the configuration is read, like a value that is not a duration.
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
