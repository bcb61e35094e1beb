package io.github.redissidecar.memory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
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
}
