package io.github.redissidecar.memory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads the task's memory limit from an ECS task metadata v4 {@code /task} response: {@code Limits.Memory}, in MiB.
 * On ECS the sidecar's own cgroup is the wrong source for {@code auto}: a container without its own limit sees no
 * limit, one with a limit sees its own, never Redis's nor the task's.
 */
public final class EcsTaskMetadata {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EcsTaskMetadata() {
    }

    /** The task memory limit in bytes, or empty when the document has none or is not JSON. */
    public static OptionalLong taskMemoryLimit(String taskJson) {
        try {
            JsonNode memory = JSON.readTree(taskJson).path("Limits").path("Memory");
            return memory.isNumber() && memory.asLong() > 0
                    ? OptionalLong.of(memory.asLong() << 20) : OptionalLong.empty();
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * What the kernel counts against the memory limit of the task's container called {@code container}, from the
     * {@code /task} document (the container's name and Docker id) and the {@code /task/stats} one (Docker's stats
     * by id): {@code memory_stats.usage} less the inactive page cache the kernel reclaims before it OOM-kills
     * ({@code inactive_file} on cgroup v2, {@code total_inactive_file} on v1), as {@code docker stats} and ECS's own
     * MemoryUtilized count it. Empty when either document lacks it.
     */
    public static OptionalLong containerMemoryUsed(String taskJson, String statsJson, String container) {
        try {
            Optional<String> id = Optional.empty();
            for (JsonNode c : JSON.readTree(taskJson).path("Containers")) {
                if (container.equals(c.path("Name").asText())) {
                    id = Optional.of(c.path("DockerId").asText()).filter(s -> !s.isEmpty());
                }
            }
            if (id.isEmpty()) {
                return OptionalLong.empty();
            }
            JsonNode memory = JSON.readTree(statsJson).path(id.get()).path("memory_stats");
            if (!memory.path("usage").isNumber()) {
                return OptionalLong.empty();
            }
            JsonNode stats = memory.path("stats");
            long inactive = stats.path("inactive_file").isNumber() ? stats.path("inactive_file").asLong()
                    : stats.path("total_inactive_file").asLong(0);
            return OptionalLong.of(Math.max(0, memory.path("usage").asLong() - inactive));
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }
}
