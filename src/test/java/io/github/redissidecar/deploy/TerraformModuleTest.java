package io.github.redissidecar.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.redissidecar.cloudwatch.EmfDimensions;
import io.github.redissidecar.cloudwatch.EmfInputs;
import io.github.redissidecar.cloudwatch.EmfReport;
import io.github.redissidecar.config.ConfigKeys;
import io.github.redissidecar.info.InfoParser;
import io.github.redissidecar.keys.KeyGroupEstimate;
import io.github.redissidecar.testing.Command;
import io.github.redissidecar.testing.EmfChecks;
import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * deploy/terraform, checked offline: it parses, every resource's attributes and blocks are in the AWS provider's
 * schema and the required ones are there (tools/validate-terraform.mjs), every alarm watches a metric the sidecar
 * writes with exactly the dimensions it writes it with, and the module agrees with docker/ecs-task-definition.json
 * on the seed's numbers.
 */
class TerraformModuleTest {

    private static final Path MODULE = Path.of("deploy/terraform/modules/redis-ecs");
    private static JsonNode checked;

    @BeforeAll
    static void check() throws Exception {
        Command.Result result = NodeTools.run("node", "tools/validate-terraform.mjs", "deploy/terraform");
        String json = result.output().lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b).orElse("{}");
        assertEquals(0, result.exitCode(), result.output());
        checked = new ObjectMapper().readTree(json);
    }

    @Test
    void everyAttributeIsKnownToTheAwsProviderAndTheModuleCallsFitIt() {
        assertEquals("[]", checked.path("problems").toString());
        assertTrue(checked.path("files").size() >= 6, checked.path("files").toString());
    }

    @Test
    void everyAlarmWatchesAMetricTheSidecarWritesWithThoseDimensions() throws Exception {
        Map<String, Set<String>> written = sidecarWrites();
        JsonNode alarms = file("alarms.tf");
        JsonNode dimensions = alarms.path("locals").get(0).path("dimensions");
        Set<String> alarmDimensions = new TreeSet<>();
        dimensions.fieldNames().forEachRemaining(alarmDimensions::add);
        Set<String> names = new TreeSet<>();
        alarms.path("resource").path("aws_cloudwatch_metric_alarm").fields().forEachRemaining(alarm -> {
            JsonNode body = alarm.getValue().get(0);
            String metric = body.path("metric_name").asText();
            names.add(metric);
            assertTrue(written.containsKey(metric), alarm.getKey() + ": the sidecar writes no " + metric
                    + "; it writes " + written.keySet());
            assertEquals("${local.dimensions}", body.path("dimensions").asText(), alarm.getKey());
            assertEquals(written.get(metric), alarmDimensions, alarm.getKey() + ": " + metric + "'s dimensions");
            assertEquals("${var.metrics_namespace}", body.path("namespace").asText(), alarm.getKey());
            assertEquals("${var.alarm_topic_arn}", body.path("alarm_actions").get(0).asText(), alarm.getKey());
        });
        assertEquals(Set.of("EvictedKeys", "MemoryUnbounded", "OOMKillRisk", "RedisUp", "RejectedWrites"), names,
                "one alarm per critical condition");
        assertEquals("breaching", alarms.path("resource").path("aws_cloudwatch_metric_alarm").path("redis_down")
                .get(0).path("treat_missing_data").asText(), "a silent sidecar is an alarm, not a gap");
        assertEquals("${var.role}", dimensions.path("RedisName").asText());
        assertEquals("${aws_ecs_task_definition.this.family}", dimensions.path("TaskFamily").asText());
        assertEquals("${var.cluster_name}", dimensions.path("ClusterName").asText());
    }

    @Test
    void theSidecarInTheTaskWritesWhatTheAlarmsWatch() throws Exception {
        String main = Files.readString(MODULE.resolve("main.tf"));
        assertTrue(main.contains("{ name = \"SIDECAR_CLOUDWATCH_EMF\", value = \"true\" }"), "EMF on");
        assertTrue(main.contains("{ name = \"SIDECAR_CLOUDWATCH_NAMESPACE\", value = var.metrics_namespace }"));
        assertTrue(main.contains("{ name = \"SIDECAR_CLOUDWATCH_REDIS_NAME\", value = var.role }"));
        assertTrue(file("main.tf").path("resource").path("aws_ecs_task_definition").path("this").get(0)
                .path("family").asText().equals("${var.name}"), "TaskFamily is the module's name");
        String namespaceDefault = ConfigKeys.all().stream().filter(k -> k.property().equals(
                "sidecar.cloudwatch.namespace")).findFirst().orElseThrow().defaultValue().orElseThrow();
        assertEquals(namespaceDefault, file("variables.tf").path("variable").path("metrics_namespace").get(0)
                .path("default").asText());
    }

    @Test
    void theModuleAndTheJsonTaskDefinitionAgreeOnTheSeedsNumbers() throws Exception {
        JsonNode locals = file("main.tf").path("locals").get(0);
        assertEquals("${floor(var.task_memory * 0.35 * 0.95)}", locals.path("maxmemory_mb").asText(),
                "task_definition.tf's limit");
        assertEquals("2048", file("variables.tf").path("variable").path("task_memory").get(0).path("default")
                .asText());
        JsonPath task = JsonPath.from(Files.readString(Path.of("docker/ecs-task-definition.json")));
        assertEquals("2048", task.getString("memory"));
        List<String> command = task.getList("containerDefinitions.find { it.name == 'redis' }.command");
        assertEquals((long) Math.floor(2048 * 0.35 * 0.95) + "mb", command.get(command.indexOf("--maxmemory") + 1));
        String main = Files.readString(MODULE.resolve("main.tf"));
        assertTrue(main.contains("\"--maxmemory\", \"${local.maxmemory_mb}mb\""), "the same unit on both sides");
        assertTrue(main.contains("persistence = var.role == \"cache\" ? [\"--appendonly\", \"no\", \"--save\", \"\"]"),
                "the cache keeps nothing on disk, as the JSON's cache task");
        assertTrue(main.contains("\"--appendonly\", \"yes\", \"--appendfsync\", \"everysec\""), "the state: AOF");
        assertTrue(locals.path("policy").asText().contains("\"allkeys-lru\""));
        JsonNode example = checked.path("files").path("deploy/terraform/examples/django-celery/main.tf");
        assertEquals("cache", example.path("module").path("redis_cache").get(0).path("role").asText());
        assertEquals("state", example.path("module").path("redis_state").get(0).path("role").asText());
        assertEquals(2048, example.path("module").path("redis_cache").get(0).path("task_memory").asInt());
    }

    @Test
    void theCheckerCatchesAMisspelledAttribute(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("bad.tf"), "resource \"aws_cloudwatch_metric_alarm\" \"x\" {\n"
                + "  alarm_name = \"x\"\n  metric_nam = \"RedisUp\"\n  comparison_operator = \"LessThanThreshold\"\n"
                + "  evaluation_periods = 1\n}\n");
        Command.Result result = NodeTools.run("node", "tools/validate-terraform.mjs", dir.toString());
        assertTrue(result.output().contains("\\\"metric_nam\\\" is not an attribute"), result.output());
        assertFalse(result.output().contains("comparison_operator\\\" is missing"), result.output());
    }

    // What the sidecar's own code writes, two intervals of it, with the stand-in task's metadata.
    private static Map<String, Set<String>> sidecarWrites() throws Exception {
        EmfReport report = new EmfReport("RedisMemorySidecar", EmfDimensions.of(Optional.of(Files.readString(
                Path.of("src/test/resources/ecs/task-metadata-v4-fargate.json"))), "cache"), 5);
        String info = Files.readString(Path.of("src/test/resources/info/7.0-master.txt"));
        EmfInputs in = new EmfInputs(Optional.of(InfoParser.parse(info)), OptionalLong.of(2048L << 20),
                OptionalLong.of(1L << 29), 1, 2);
        List<KeyGroupEstimate> groups = List.of(new KeyGroupEstimate(0, "session", 1e6, 1e4, 100, 1, 0.5, 10));
        report.documents(1_764_756_000_000L, in, groups);
        Map<String, Set<String>> out = new HashMap<>();
        for (String line : report.documents(1_764_756_060_000L, in, groups)) {
            assertEquals(List.of(), EmfChecks.problems(line), line);
            out.putAll(EmfChecks.declared(line));
        }
        return out;
    }

    private static JsonNode file(String name) {
        return checked.path("files").path(MODULE.resolve(name).toString());
    }
}
