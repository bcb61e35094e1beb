package io.github.redissidecar.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import io.github.redissidecar.testing.Command;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The chart rendered by helm itself (helm-java) as release "cache" in namespace "redis", and ways into the result. */
final class ChartRender {

    static final Path CHART = Path.of("helm/redis-memory-sidecar");

    private ChartRender() {
    }

    static String render(Map<String, Object> values) {
        FakeKubernetesApi.get();
        TemplateCommand template = new Helm(CHART).template().withName("cache").withNamespace("redis");
        values.forEach(template::set);
        return template.call();
    }

    /** The documents, parsed strictly: a key written twice in one object (e.g. after a toYaml) fails here. */
    static List<Map<String, Object>> documents(String manifests) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object doc : new Yaml(new SafeConstructor(options)).loadAll(manifests)) {
            if (doc != null) {
                out.add(cast(doc));
            }
        }
        return out;
    }

    static Map<String, Object> find(List<Map<String, Object>> docs, String kind) {
        return docs.stream().filter(d -> kind.equals(d.get("kind"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind));
    }

    static Map<String, Object> pod(List<Map<String, Object>> docs) {
        return get(find(docs, "StatefulSet"), "spec", "template", "spec");
    }

    static Map<String, Object> container(Map<String, Object> pod, String name) {
        return ChartRender.<List<Map<String, Object>>>cast(pod.get("containers")).stream()
                .filter(c -> name.equals(c.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no container " + name));
    }

    static Map<String, Object> env(Map<String, Object> container, String name) {
        return ChartRender.<List<Map<String, Object>>>cast(container.get("env")).stream()
                .filter(e -> name.equals(e.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no env " + name));
    }

    static Map<String, Object> get(Map<String, Object> map, String... path) {
        Map<String, Object> current = map;
        for (String key : path) {
            current = cast(current.get(key));
            assertNotNull(current, "missing " + key);
        }
        return current;
    }

    /**
     * Renders the chart (no auth: no password file here) with these values and settings, runs the Redis container's
     * command with a stand-in redis-server in {@code dir}, and returns the arguments it was started with.
     */
    static List<String> bootRedis(Path dir, Map<String, Object> values, String settings, long limit)
            throws Exception {
        Map<String, Object> all = new HashMap<>(values);
        all.put("sidecar.settings", settings);
        all.put("redis.auth.enabled", false);
        Map<String, Object> redis = container(pod(documents(render(all))), "redis");
        assertEquals(List.of("sh", "-c"), redis.get("command"));
        String script = ChartRender.<List<String>>cast(redis.get("args")).get(0);
        Path stub = dir.resolve("redis-server");
        Files.writeString(stub, "#!/bin/sh\nprintf '%s\\n' \"$@\" > \"$BOOT_ARGS\"\n");
        stub.toFile().setExecutable(true);
        Files.writeString(dir.resolve("settings.conf"), settings + "\n");
        Files.writeString(dir.resolve("limit"), limit + "\n");
        Command.Result shell = Command.run("env", "PATH=" + dir + ":/usr/bin:/bin", "BOOT_ARGS=" + dir.resolve("args"),
                "SIDECAR_SETTINGS_FILE=" + dir.resolve("settings.conf"),
                "SIDECAR_CONTAINER_MEMORY_LIMIT_FILE=" + dir.resolve("limit"), "sh", "-c", script);
        assertEquals(0, shell.exitCode(), shell.output());
        return Files.readAllLines(dir.resolve("args"));
    }

    @SuppressWarnings("unchecked")
    static <T> T cast(Object o) {
        return (T) o;
    }
}
