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
    private final boolean auto;

    ContainerLimitSetting(SidecarConfig config) {
        this.auto = config.containerMemoryLimit().filter(v -> v.strip().equalsIgnoreCase("auto")).isPresent();
        this.bytes = ContainerMemoryLimit.resolve(config.containerMemoryLimit().orElse(null),
                config.host().cgroupRoot(), config.host().procSelfCgroup());
    }

    /** For the startup log. */
    public String describe() {
        if (bytes.isPresent()) {
            return "container memory limit " + bytes.getAsLong() + " bytes" + (auto ? " (from the cgroup)" : "");
        }
        return auto ? "container memory limit not found: " + ContainerMemoryLimit.KEY + " is auto, but this "
                + "process's cgroup has no memory limit (in Kubernetes, pass Redis's limit through the Downward API)"
                : "container memory limit unknown (the effective limit is maxmemory alone; set "
                        + ContainerMemoryLimit.KEY + " to include it)";
    }

    public OptionalLong bytes() {
        return bytes;
    }
}
