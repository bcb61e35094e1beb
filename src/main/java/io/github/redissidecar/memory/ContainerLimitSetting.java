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
    private final boolean ecs;

    ContainerLimitSetting(SidecarConfig config) {
        this.auto = config.containerMemoryLimit().filter(v -> v.strip().equalsIgnoreCase("auto")).isPresent();
        this.ecs = auto && System.getenv(EcsTaskMetadataEndpoint.ENV) != null;
        this.bytes = ContainerMemoryLimit.resolve(config.containerMemoryLimit().orElse(null),
                config.host().cgroupRoot(), config.host().procSelfCgroup(),
                System.getenv(EcsTaskMetadataEndpoint.ENV));
    }

    /** For the startup log. */
    public String describe() {
        String source = ecs ? "the ECS task metadata endpoint, else the cgroup" : "the cgroup";
        if (bytes.isPresent()) {
            return "container memory limit " + bytes.getAsLong() + " bytes" + (auto ? " (from " + source + ")" : "");
        }
        return auto ? "container memory limit not found: " + ContainerMemoryLimit.KEY + " is auto, but neither "
                + source + " has a memory limit (in Kubernetes, pass Redis's limit through the Downward API)"
                : "container memory limit unknown (the effective limit is maxmemory alone; set "
                        + ContainerMemoryLimit.KEY + " to include it)";
    }

    public OptionalLong bytes() {
        return bytes;
    }
}
