package io.github.redissidecar.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void redisBootsBoundedWithTheSeedsShareOfTheTask() {
        List<String> redisCommand = task.getList("containerDefinitions.find { it.name == 'redis' }.command");
        String settings = task.getString("containerDefinitions.find { it.name == 'redis-memory-sidecar' }"
                + ".environment.find { it.name == 'SIDECAR_SETTINGS' }.value");
        String limit = task.getString("containerDefinitions.find { it.name == 'redis-memory-sidecar' }"
                + ".environment.find { it.name == 'SIDECAR_CONTAINER_MEMORY_LIMIT' }.value");
        assertEquals("auto", limit, "on ECS, auto reads the task limit from the task metadata endpoint");
        long taskMib = Long.parseLong(task.getString("memory"));
        DesiredSettings desired = DesiredSettings.of(ConfLines.parse(settings, "ecs"), OptionalLong.of(taskMib << 20));
        long seedMib = (long) Math.floor(taskMib * 0.35 * 0.95);
        assertEquals(Long.toString(seedMib << 20), desired.value("maxmemory").orElseThrow(),
                "task_definition.tf's floor(task_memory * 0.35 * 0.95) MiB");
        assertEquals(seedMib + "mb", redisCommand.get(redisCommand.indexOf("--maxmemory") + 1),
                "Redis boots with the limit the sidecar enforces, so it is bounded while the sidecar is down");
        assertEquals(desired.value("maxmemory-policy").orElseThrow(),
                redisCommand.get(redisCommand.indexOf("--maxmemory-policy") + 1));
    }

    @Test
    void theCacheTaskIsACacheAndWritesCloudWatchMetrics() {
        assertTrue(task.getString("family").endsWith("cache"));
        List<String> redisCommand = task.getList("containerDefinitions.find { it.name == 'redis' }.command");
        assertEquals("no", redisCommand.get(redisCommand.indexOf("--appendonly") + 1), "a cache keeps no AOF");
        assertEquals("", redisCommand.get(redisCommand.indexOf("--save") + 1), "nor RDB snapshots");
        assertEquals("allkeys-lru", redisCommand.get(redisCommand.indexOf("--maxmemory-policy") + 1));
        assertEquals("true", task.getString("containerDefinitions.find { it.name == 'redis-memory-sidecar' }"
                + ".environment.find { it.name == 'SIDECAR_CLOUDWATCH_EMF' }.value"), "nothing scrapes on ECS");
    }

    @Test
    void bothContainersRestartAndTheSidecarIsNotEssential() {
        List<Map<String, Object>> containers = task.getList("containerDefinitions");
        for (Map<String, Object> c : containers) {
            Map<?, ?> restart = (Map<?, ?>) c.get("restartPolicy");
            assertNotNull(restart, c.get("name") + ": a dead container stays dead without a restart policy");
            assertEquals(true, restart.get("enabled"), c.get("name").toString());
            assertTrue(((Number) restart.get("restartAttemptPeriod")).intValue() >= 60, "ECS minimum is 60 s");
        }
        assertEquals(false, task.getBoolean("containerDefinitions.find { it.name == 'redis-memory-sidecar' }"
                + ".essential"), "a failing sidecar must not stop the task, and Redis with it");
    }
}
