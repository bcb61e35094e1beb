package io.github.redissidecar.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.redissidecar.memory.ByteSize;
import io.github.redissidecar.settings.ConfLines;
import io.github.redissidecar.settings.DesiredSettings;
import io.github.redissidecar.testing.Command;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** compose.yaml: valid against the Compose Specification, and every sidecar's settings would start. */
class ComposeFileTest {

    private static final Path COMPOSE = Path.of("compose.yaml");

    @Test
    void validAgainstTheComposeSpecification() throws Exception {
        Command.Result lint = NodeTools.run("tools/node_modules/.bin/dclint", COMPOSE.toString(), "-c", ".dclintrc");
        assertEquals(0, lint.exitCode(), lint.output());
        assertFalse(lint.output().contains("error"), lint.output());
    }

    @Test
    void everySidecarSettingParsesAgainstItsRedisContainerLimit() throws Exception {
        Map<String, Map<String, Object>> services = services();
        List<String> sidecars = services.keySet().stream().filter(n -> n.endsWith("-sidecar")).toList();
        assertEquals(List.of("redis-cache-sidecar", "redis-state-sidecar", "redis-celery-sidecar"), sidecars);
        for (String name : sidecars) {
            Map<String, Object> env = map(services.get(name).get("environment"));
            String redis = name.substring(0, name.length() - "-sidecar".length());
            String limit = (String) env.get("SIDECAR_CONTAINER_MEMORY_LIMIT");
            // Docker's m is 2^20 bytes, redis.conf's (the sidecar's) m is 10^6: the same limit is 384m and 384mb.
            assertEquals(services.get(redis).get("mem_limit") + "b", limit, name + ": the limit of " + redis);
            DesiredSettings settings = DesiredSettings.of(ConfLines.parse((String) env.get("SIDECAR_SETTINGS"),
                    name), OptionalLong.of(ByteSize.parse(limit).orElseThrow()));
            assertTrue(settings.parameters().contains("maxmemory"), name);
            assertTrue(settings.parameters().contains("maxmemory-policy"), name);
            assertEquals("redis://" + redis + ":6379", env.get("REDIS_ADDR"));
            String command = String.valueOf(services.get(redis).get("command"));
            assertFalse(command.contains("maxmemory"), redis + ": memory settings belong in the sidecar");
        }
    }

    @Test
    void prometheusLoadsTheCanonicalRulesFileUnchanged() throws Exception {
        List<?> volumes = (List<?>) services().get("prometheus").get("volumes");
        assertTrue(volumes.contains("./alerting/redis-sidecar.rules.yml:/etc/prometheus/rules/redis-sidecar.rules.yml:ro"),
                volumes.toString());
        List<?> amVolumes = (List<?>) services().get("alertmanager").get("volumes");
        assertTrue(amVolumes.contains("./alerting/alertmanager.yml:/etc/alertmanager/alertmanager.yml:ro"));
        Command.Result check = Command.run("promtool", "check", "config", "--syntax-only",
                "deploy/compose/prometheus.yml");
        assertEquals(0, check.exitCode(), check.output());
    }

    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> services() throws Exception {
        Map<String, Object> compose = new Yaml().load(Files.readString(COMPOSE));
        return (Map<String, Map<String, Object>>) compose.get("services");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }
}
