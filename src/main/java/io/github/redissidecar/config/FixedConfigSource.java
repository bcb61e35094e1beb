package io.github.redissidecar.config;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/** A configuration source whose values are fixed when it is created, at a given ordinal. */
abstract class FixedConfigSource implements ConfigSource {

    private final Map<String, String> properties;
    private final String name;
    private final int ordinal;

    FixedConfigSource(Map<String, String> properties, String name, int ordinal) {
        this.properties = Map.copyOf(properties);
        this.name = name;
        this.ordinal = ordinal;
    }

    @Override
    public Map<String, String> getProperties() {
        return properties;
    }

    @Override
    public Set<String> getPropertyNames() {
        return properties.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return properties.get(propertyName);
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public int getOrdinal() {
        return ordinal;
    }
}
