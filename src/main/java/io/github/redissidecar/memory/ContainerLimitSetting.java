package io.github.redissidecar.memory;

import io.github.redissidecar.config.SidecarConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.OptionalLong;

/** The container memory limit, resolved once at startup; a bad value stops startup with the key and the value. */
@Startup
@ApplicationScoped
public class ContainerLimitSetting {

    private final OptionalLong bytes;

    ContainerLimitSetting(SidecarConfig config) {
        this.bytes = ContainerMemoryLimit.resolve(config.containerMemoryLimit().orElse(null),
                config.host().cgroupRoot(), config.host().procSelfCgroup());
    }

    /** For the startup log. */
    public String describe() {
        return bytes.isPresent() ? "container memory limit " + bytes.getAsLong() + " bytes"
                : "container memory limit unknown (the effective limit is maxmemory alone; set "
                        + ContainerMemoryLimit.KEY + " to include it)";
    }

    public OptionalLong bytes() {
        return bytes;
    }
}
