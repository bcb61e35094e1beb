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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** compose.yaml: valid against the Compose Specification, and every sidecar's settings would start. */
@SuppressWarnings("unchecked")
class ComposeFileTest {

    private static final Path COMPOSE = Path.of("compose.yaml");

    @Test
    void validAgainstTheComposeSpecification() throws Exception {
        Command.Result lint = NodeTools.run("tools/node_modules/.bin/dclint", COMPOSE.toString(), "-c", ".dclintrc");
        assertEquals(0, lint.exitCode(), lint.output());
        assertFalse(lint.output().contains("error"), lint.output());
    }

    /** Each sidecar's limit is at least the highest RSS the benchmark measured for the JVM image, plus 30 %. */
    @Test
    void theSidecarsLimitFitsWhatItMeasured() throws Exception {
        java.util.regex.Matcher rows = java.util.regex.Pattern.compile("(?m)^\\| \\d+s \\| [\\d.]+ \\| [\\d.]+ \\| "
                + "[\\d.]+ \\| ([\\d.]+) \\|").matcher(Files.readString(Path.of("docs/benchmarks-per-minute.md")));
        double rssMib = 0;
        while (rows.find()) {
            rssMib = Math.max(rssMib, Double.parseDouble(rows.group(1)));
        }
        assertTrue(rssMib > 10, "the per-minute table's sidecar RSS column was read");
        for (Map.Entry<String, Map<String, Object>> service : services().entrySet()) {
            if (service.getKey().endsWith("-sidecar")) {
                long limit = ByteSize.parse(service.getValue().get("mem_limit").toString()).orElseThrow();
                assertTrue(limit >= rssMib * 1.3 * (1 << 20), service.getKey() + ": mem_limit " + limit + " bytes "
                        + "is below the measured " + rssMib + " MiB RSS + 30 %");
            }
        }
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
            // Docker's m is 2^20 bytes, redis.conf's (the sidecar's) m is 10^6: the bytes must agree, not the text.
            assertEquals(dockerBytes(services.get(redis).get("mem_limit").toString()),
                    ByteSize.parse(limit).orElseThrow(), name + ": the limit of " + redis);
            DesiredSettings settings = DesiredSettings.of(ConfLines.parse((String) env.get("SIDECAR_SETTINGS"),
                    name), OptionalLong.of(ByteSize.parse(limit).orElseThrow()));
            assertTrue(settings.parameters().contains("maxmemory"), name);
            assertTrue(settings.parameters().contains("maxmemory-policy"), name);
            assertEquals("redis://" + redis + ":6379", env.get("REDIS_ADDR"));
        }
    }

    @Test
    void memorySizesMeanTheSameBytesToDockerAndToTheSidecar() throws Exception {
        for (Map.Entry<String, Map<String, Object>> service : services().entrySet()) {
            Object limit = service.getValue().get("mem_limit");
            if (limit != null) {
                long docker = dockerBytes(limit.toString());
                assertEquals(docker, ByteSize.parse(limit.toString()).orElseThrow(), service.getKey() + ": mem_limit "
                        + limit + " is " + docker + " bytes to Docker but not to Redis or the sidecar; write mb/gb");
            }
        }
    }

    @Test
    void eachRedisBootsBoundedWithTheSidecarsMemorySettings() throws Exception {
        Map<String, Map<String, Object>> services = services();
        for (String redis : List.of("redis-cache", "redis-state", "redis-celery")) {
            Map<String, Object> env = map(services.get(redis + "-sidecar").get("environment"));
            String limit = (String) env.get("SIDECAR_CONTAINER_MEMORY_LIMIT");
            DesiredSettings desired = DesiredSettings.of(ConfLines.parse((String) env.get("SIDECAR_SETTINGS"), redis),
                    OptionalLong.of(ByteSize.parse(limit).orElseThrow()));
            String command = String.join(" ", (List<String>) services.get(redis).get("command"));
            Matcher maxmemory = Pattern.compile("--maxmemory (\\S+)").matcher(command);
            assertTrue(maxmemory.find(), redis + ": unbounded while its sidecar is down: " + command);
            assertEquals(desired.value("maxmemory").orElseThrow(),
                    String.valueOf(ByteSize.parse(maxmemory.group(1)).orElseThrow()), redis + ": boot maxmemory");
            assertTrue(command.contains("--maxmemory-policy " + desired.value("maxmemory-policy").orElseThrow()),
                    redis + ": boot policy");
        }
    }

    @Test
    void thePasswordIsASecretFileInNoEnvironmentAndRedisRunsThroughItsEntrypointHealthChecked() throws Exception {
        Map<String, Map<String, Object>> services = services();
        for (Map.Entry<String, Map<String, Object>> service : services.entrySet()) {
            Object env = service.getValue().get("environment");
            assertFalse(env instanceof Map<?, ?> m && m.containsKey("REDIS_PASSWORD"), service.getKey()
                    + ": a password in the environment shows in docker inspect and /proc/*/environ");
        }
        for (String name : List.of("redis-celery", "redis-celery-sidecar")) {
            assertEquals(List.of("redis_password"), services.get(name).get("secrets"), name);
        }
        assertEquals("/run/secrets/redis_password",
                map(services.get("redis-celery-sidecar").get("environment")).get("REDIS_PASSWORD_FILE"));
        assertEquals(Map.of("environment", "REDIS_PASSWORD"), map(map(compose().get("secrets")).get("redis_password")));
        assertTrue(String.valueOf(services.get("redis-celery").get("command")).contains("exec docker-entrypoint.sh "
                + "redis-server"), "the entrypoint drops to the redis user; sh -c redis-server would run as root");
        for (String redis : List.of("redis-cache", "redis-state", "redis-celery")) {
            assertTrue(String.valueOf(map(services.get(redis).get("healthcheck")).get("test")).contains("redis-cli ping"),
                    redis);
            Map<String, Object> dependsOn = map(services.get(redis + "-sidecar").get("depends_on"));
            assertEquals("service_healthy", map(dependsOn.get(redis)).get("condition"), redis + "-sidecar");
        }
        assertTrue(Files.readString(Path.of(".env.example")).contains("\nREDIS_PASSWORD=\n"));
    }

    /**
     * The Celery Redis's command as its container's shell runs it, with a real redis-server for the entrypoint: it
     * takes the password from the secret's file, and refuses to start on an empty one (Redis would have none).
     */
    @Test
    void theCeleryRedisReadsItsPasswordFromTheSecretAndRefusesAnEmptyOne() throws Exception {
        List<String> command = (List<String>) services().get("redis-celery").get("command");
        Path dir = Files.createTempDirectory("compose-celery");
        Path secret = dir.resolve("redis_password");
        int port = io.github.redissidecar.testing.RedisServer.freePort();
        String script = command.get(2).replace("$$", "$").replace("/run/secrets/redis_password", secret.toString())
                .replace("docker-entrypoint.sh redis-server", "redis-server").replace("--dir /data", "--dir " + dir)
                + " --port " + port + " --bind 127.0.0.1 --daemonize yes --pidfile " + dir.resolve("pid");
        Files.writeString(secret, "");
        Command.Result empty = Command.run("sh", "-c", script);
        assertEquals(1, empty.exitCode(), empty.output());
        assertTrue(empty.output().contains("the redis_password secret is empty"), empty.output());
        Files.writeString(secret, "s3cret-from-the-file");
        Command.Result started = Command.run("sh", "-c", script);
        assertEquals(0, started.exitCode(), started.output());
        try (io.github.redissidecar.testing.RespClient client = new io.github.redissidecar.testing.RespClient(port)) {
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).ignoreExceptions()
                    .until(() -> "OK".equals(client.text("AUTH", "s3cret-from-the-file")));
            client.call("SHUTDOWN", "NOSAVE");
        } catch (java.io.IOException expected) {
            // SHUTDOWN closes the connection instead of answering.
        }
    }

    /** Docker's reading of a size (go-units RAMInBytes): every unit is a power of 1024, with or without i/b. */
    private static long dockerBytes(String size) {
        Matcher m = Pattern.compile("(?i)(\\d+)\\s?([kmgt]?)i?b?").matcher(size.strip());
        assertTrue(m.matches(), "Docker would reject " + size);
        int power = "kmgt".indexOf(m.group(2).toLowerCase(java.util.Locale.ROOT)) + 1;
        return Long.parseLong(m.group(1)) << (10 * power);
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
        return (Map<String, Map<String, Object>>) compose().get("services");
    }

    private static Map<String, Object> compose() throws Exception {
        return new Yaml().load(Files.readString(COMPOSE));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }
}
