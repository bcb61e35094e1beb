package io.github.redissidecar.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The published image has one name: the chart's {@code sidecar.image.repository}. The ECS example, the README and
 * the release workflow must name the same repository, or a user copies a reference nothing publishes.
 */
class DeployImageTest {

    @Test
    void chartEcsAndReadmeNameTheRepositoryTheReleaseWorkflowPublishes() throws Exception {
        Map<String, Object> values = new Yaml().load(Files.readString(Path.of("helm/redis-memory-sidecar/values.yaml")));
        String repository = (String) ((Map<?, ?>) ((Map<?, ?>) values.get("sidecar")).get("image")).get("repository");
        String ecsImage = JsonPath.from(Files.readString(Path.of("docker/ecs-task-definition.json")))
                .getString("containerDefinitions.find { it.name == 'redis-memory-sidecar' }.image");
        assertTrue(ecsImage.startsWith(repository + ":") || ecsImage.startsWith(repository + "@sha256:"), ecsImage);
        for (String doc : List.of("README.md", "docs/deploy.md", "helm/redis-memory-sidecar/README.md")) {
            for (String line : Files.readString(Path.of(doc)).split("\n")) {
                if (line.contains("ghcr.io/")) {
                    assertTrue(line.contains(repository), doc + " names another image: " + line);
                }
            }
        }
        String workflow = Files.readString(Path.of(".github/workflows/image.yml"));
        assertTrue(workflow.contains("/redis-memory-sidecar"), "the release workflow pushes another repository");
        assertTrue(workflow.contains("linux/amd64") && workflow.contains("linux/arm64"), "both architectures");
    }

    /**
     * Every deploy file starts the same maintained Redis: 7.4 (supported until 2029, the CVE-2024-31228 and
     * CVE-2025-49844 fixes included, and without the modules the redis:8 images load). Redis 7.0 (end of life) stays
     * in the test matrix only.
     */
    @Test
    void composeEcsHelmAndTerraformDefaultToOneMaintainedRedis() throws Exception {
        Pattern image = Pattern.compile("\\bredis:(\\d+\\.\\d+(\\.\\d+)?)\\b");
        Set<String> seen = new TreeSet<>();
        for (String file : List.of("compose.yaml", "docker/ecs-task-definition.json",
                "deploy/terraform/modules/redis-ecs/variables.tf")) {
            Matcher m = image.matcher(Files.readString(Path.of(file)));
            assertTrue(m.find(), file + " names no redis image");
            do {
                seen.add(m.group(1));
            } while (m.find());
        }
        Map<String, Object> values = new Yaml().load(Files.readString(Path.of("helm/redis-memory-sidecar/values.yaml")));
        seen.add(String.valueOf(((Map<?, ?>) ((Map<?, ?>) values.get("redis")).get("image")).get("tag")));
        assertEquals(Set.of(SUPPORTED_REDIS), seen);
        String[] parts = SUPPORTED_REDIS.split("\\.");
        int major = Integer.parseInt(parts[0]);
        int minor = Integer.parseInt(parts[1]);
        int patch = Integer.parseInt(parts[2]);
        assertTrue(major > 7 || minor >= 4, "Redis 7.0 and 7.2 are end of life");
        assertTrue(major > 7 || patch >= 6, "7.4 before 7.4.6 lacks the fix for CVE-2025-49844 (Lua)");
    }

    private static final String SUPPORTED_REDIS = "7.4.11";
}
