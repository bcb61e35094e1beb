package io.github.redissidecar.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What validate can tell of the frameworks from a compose file: whose Celery broker a Redis is. */
class ValidateFrameworksTest {

    private static final String FILE = "src/test/resources/validate/celery-app-compose.yaml";

    @Test
    void aCeleryBrokerUnderAnAllkeysPolicyIsNamedWithTheServicesThatUseIt() throws Exception {
        ValidateCommandTest.Run run = ValidateCommandTest.validate("--compose", FILE, "--format", "json");
        List<JsonNode> broker = run.findings().stream().filter(f -> f.get("message").asText().contains(
                "Celery's broker")).toList();
        assertEquals(1, broker.size(), run.out());
        assertEquals("worker (CELERY_BROKER_URL), web (CELERY_BROKER_URL) use this Redis as Celery's broker, under "
                + "maxmemory-policy allkeys-lru: when memory fills, queued tasks are evicted and never run, without "
                + "an error", broker.get(0).get("message").asText());
        assertTrue(broker.get(0).get("fix").asText().startsWith("give the broker a Redis of its own with "
                + "maxmemory-policy noeviction"), run.out());
    }

    @Test
    void theSameBrokerUnderNoevictionIsFine() throws Exception {
        String text = java.nio.file.Files.readString(java.nio.file.Path.of(FILE)).replace("allkeys-lru", "noeviction");
        java.nio.file.Path file = java.nio.file.Files.createTempFile("celery", ".yaml");
        java.nio.file.Files.writeString(file, text);
        ValidateCommandTest.Run run = ValidateCommandTest.validate("--compose", file.toString(), "--format", "json");
        assertTrue(run.findings().stream().noneMatch(f -> f.get("message").asText().contains("Celery's broker")),
                run.out());
    }
}
