package io.github.redissidecar.container;

import io.github.redissidecar.checks.InvalidConfiguration;
import io.github.redissidecar.config.SidecarConfig;
import io.github.redissidecar.memory.ContainerMemoryLimit;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * The container memory limit: resolved at startup, where a bad value stops startup with the key and the value. A
 * limit given as a file ({@code SIDECAR_CONTAINER_MEMORY_LIMIT_FILE}) is re-read with the settings file and
 * updated here when the settings computed from it are accepted.
 */
@ApplicationScoped
public class ContainerLimitSetting {

    private final Optional<Path> file;
    private final boolean auto;
    private final boolean ecs;
    private volatile OptionalLong bytes;

    ContainerLimitSetting(SidecarConfig config) {
        this.file = config.containerMemoryLimitFile();
        Optional<String> setting = config.containerMemoryLimit().filter(v -> !v.isBlank());
        ContainerMemoryLimit.requireOneSource(setting, file);
        this.auto = setting.filter(v -> v.strip().equalsIgnoreCase("auto")).isPresent();
        this.ecs = auto && System.getenv(EcsTaskMetadataEndpoint.ENV) != null;
        this.bytes = file.isPresent() ? ContainerMemoryLimit.fromFile(file.get())
                : ContainerMemoryLimit.resolve(setting.orElse(null), config.host().cgroupRoot(),
                        config.host().procSelfCgroup(), () -> EcsTaskMetadataEndpoint.taskMemoryLimit(System.getenv(
                                EcsTaskMetadataEndpoint.ENV)));
    }

    /** For the startup log. */
    public String describe() {
        String source = ecs ? "the ECS task metadata endpoint, else the cgroup" : "the cgroup";
        if (file.isPresent()) {
            return "container memory limit " + bytes.getAsLong() + " bytes (from " + file.get() + ", re-read for "
                    + "changes)";
        }
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

    /** Whether the limit comes from a file that may change. */
    public boolean fromFile() {
        return file.isPresent();
    }

    /**
     * Reads the limit as it is now: the file again when there is one (throwing {@link InvalidConfiguration} when it
     * cannot), else the value resolved at startup.
     */
    public Supplier<OptionalLong> reader() {
        OptionalLong fixed = bytes;
        return file.<Supplier<OptionalLong>>map(f -> () -> ContainerMemoryLimit.fromFile(f)).orElse(() -> fixed);
    }

    /** The limit the desired settings in force were computed with. */
    public void update(OptionalLong limit) {
        this.bytes = limit;
    }
}
