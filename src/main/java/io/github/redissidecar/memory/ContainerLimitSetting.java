package io.github.redissidecar.memory;

import io.github.redissidecar.config.SidecarConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.OptionalLong;
import org.jboss.logging.Logger;

/** The container memory limit, resolved once at startup; a bad value stops startup with the key and the value. */
@Startup
@ApplicationScoped
public class ContainerLimitSetting {

    private static final Logger LOG = Logger.getLogger(ContainerLimitSetting.class);

    private final OptionalLong bytes;

    ContainerLimitSetting(SidecarConfig config) {
        this.bytes = ContainerMemoryLimit.resolve(config.containerMemoryLimit().orElse(null),
                config.host().cgroupRoot(), config.host().procSelfCgroup());
        if (bytes.isPresent()) {
            LOG.infof("Container memory limit: %d bytes", bytes.getAsLong());
        } else {
            LOG.infof("Container memory limit unknown: the effective limit is maxmemory alone; set %s to include it",
                    ContainerMemoryLimit.KEY);
        }
    }

    public OptionalLong bytes() {
        return bytes;
    }
}
