package io.github.redissidecar.cloudwatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The dimensions every document carries, in order: {@code ClusterName} and {@code TaskFamily} from the ECS task
 * metadata (stable across task replacements, so an alarm keeps matching), then {@code RedisName}, which the user
 * sets. Never a task id (a new one every deployment: the alarm would lose its metric) and never anything secret.
 * Off ECS only {@code RedisName}.
 */
public record EmfDimensions(Map<String, String> values) {

    public static final String CLUSTER = "ClusterName";
    public static final String FAMILY = "TaskFamily";
    public static final String REDIS = "RedisName";
    public static final String KEY_GROUP = "KeyGroup";
    public static final String DATABASE = "Database";

    private static final ObjectMapper JSON = new ObjectMapper();

    public EmfDimensions {
        values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /**
     * @param taskJson the task metadata v4 {@code /task} document, empty off ECS
     * @param redisName the {@code RedisName} dimension
     */
    public static EmfDimensions of(Optional<String> taskJson, String redisName) {
        Map<String, String> values = new LinkedHashMap<>();
        taskJson.map(EmfDimensions::read).ifPresent(task -> {
            // Fargate gives the cluster's ARN, the EC2 agent its name: alarms are written with the name.
            text(task, "Cluster").map(c -> c.substring(c.lastIndexOf('/') + 1)).filter(c -> !c.isEmpty())
                    .ifPresent(c -> values.put(CLUSTER, c));
            text(task, "Family").ifPresent(f -> values.put(FAMILY, f));
        });
        values.put(REDIS, redisName);
        return new EmfDimensions(values);
    }

    /** These dimensions and one more, for the per-group documents. */
    public EmfDimensions with(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(values);
        more.put(name, value);
        return new EmfDimensions(more);
    }

    /** "ClusterName=prod, TaskFamily=redis-cache, RedisName=cache", for the startup line. */
    public String describe() {
        return String.join(", ", values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    private static Optional<String> text(JsonNode task, String field) {
        JsonNode node = task.path(field);
        return node.isTextual() && !node.asText().isBlank() ? Optional.of(node.asText()) : Optional.empty();
    }
}
