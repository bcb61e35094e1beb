package io.github.redissidecar.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.redissidecar.memory.ByteSize;
import io.github.redissidecar.settings.ConfLines;
import io.github.redissidecar.settings.DesiredSettings;
import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * The ECS example: valid JSON with the fields ECS requires for a Fargate task, and seed 000's
 * {@code floor(task_memory * 0.35 * 0.95)} moved from Redis's command line into the sidecar's settings.
 */
class EcsTaskDefinitionTest {

    private final JsonPath task;

    EcsTaskDefinitionTest() throws Exception {
        task = JsonPath.from(Files.readString(Path.of("docker/ecs-task-definition.json")));
    }

    @Test
    void hasTheFieldsEcsRequires() {
        assertNotNull(task.getString("family"));
        assertEquals(List.of("FARGATE"), task.getList("requiresCompatibilities"));
        assertEquals("awsvpc", task.getString("networkMode"), "Fargate requires awsvpc");
        assertNotNull(task.getString("cpu"), "Fargate requires task cpu");
        assertNotNull(task.getString("memory"), "Fargate requires task memory");
        List<Map<String, Object>> containers = task.getList("containerDefinitions");
        assertEquals(2, containers.size());
        for (Map<String, Object> c : containers) {
            assertNotNull(c.get("name"));
            assertNotNull(c.get("image"));
        }
        assertTrue(containers.stream().anyMatch(c -> Boolean.TRUE.equals(c.get("essential"))));
    }

    @Test
    void fargateCanPullAndLogWithoutAPreparedLogGroup() {
        assertTrue(task.getString("executionRoleArn").matches("arn:aws:iam::\\d{12}:role/.+"),
                "Fargate needs an execution role for awslogs and private registries");
        List<Map<String, Object>> containers = task.getList("containerDefinitions");
        for (Map<String, Object> c : containers) {
            Map<?, ?> options = (Map<?, ?>) ((Map<?, ?>) c.get("logConfiguration")).get("options");
            assertEquals("true", options.get("awslogs-create-group"),
                    c.get("name") + ": the log group must not have to pre-exist");
        }
    }

    @Test
    void memorySettingsLiveInTheSidecarAsThePercentageOfTheTask() {
        String redisCommand = String.join(" ", task.getList("containerDefinitions.find { it.name == 'redis' }.command"));
        assertFalse(redisCommand.contains("maxmemory"), redisCommand);
        String settings = task.getString("containerDefinitions.find { it.name == 'redis-memory-sidecar' }"
                + ".environment.find { it.name == 'SIDECAR_SETTINGS' }.value");
        String limit = task.getString("containerDefinitions.find { it.name == 'redis-memory-sidecar' }"
                + ".environment.find { it.name == 'SIDECAR_CONTAINER_MEMORY_LIMIT' }.value");
        long taskBytes = Long.parseLong(task.getString("memory")) << 20;
        assertEquals(taskBytes, ByteSize.parse(limit).orElseThrow());
        DesiredSettings desired = DesiredSettings.of(ConfLines.parse(settings, "ecs"), OptionalLong.of(taskBytes));
        assertEquals(Long.toString((long) Math.floor(taskBytes * 0.35 * 0.95)), desired.all().get(0).value());
    }
}
