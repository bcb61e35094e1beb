package io.github.redissidecar.config;

import java.util.Locale;
import org.eclipse.microprofile.config.spi.Converter;

/**
 * true/false (also yes/no, on/off, 1/0), and nothing else. The default converter reads any other word as false
 * with a warning, so {@code SIDECAR_CONFIG_REWRITE=ture} would silently turn a feature off; this refuses it.
 */
public class StrictBoolean implements Converter<Boolean> {

    @Override
    public Boolean convert(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> Boolean.TRUE;
            case "false", "no", "off", "0" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("not a boolean; write true or false");
        };
    }
}
