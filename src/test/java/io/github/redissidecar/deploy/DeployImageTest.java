package io.github.redissidecar.deploy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
        String workflow = Files.readString(Path.of(".github/workflows/release.yml"));
        assertTrue(workflow.contains("/redis-memory-sidecar"), "the release workflow pushes another repository");
        assertTrue(workflow.contains("linux/amd64") && workflow.contains("linux/arm64"), "both architectures");
    }
}
