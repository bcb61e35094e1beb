package io.github.redissidecar.validate;

import io.github.redissidecar.settings.ConfLine;
import io.github.redissidecar.settings.SettingsException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The Redis services of a compose file: each service that runs redis-server (by its command, or a Redis image),
 * its command, its memory limit, and the sidecar whose REDIS_ADDR names it. Read into plain maps with SnakeYAML's
 * safe constructor, which also resolves the {@code <<: *anchor} merges compose files use.
 */
public final class ComposeFile {

    private ComposeFile() {
    }

    /** @throws UnusableInput when the text is not YAML, not a compose file, or has no Redis service */
    public static List<RedisSetup> setups(String text, String fileName) {
        Map<String, Object> services = services(text, fileName);
        List<RedisSetup> out = new ArrayList<>();
        for (Map.Entry<String, Object> service : services.entrySet()) {
            Map<String, Object> definition = map(service.getValue());
            Optional<List<ConfLine>> boot = command(definition, fileName + " service " + service.getKey());
            if (boot.isPresent() || isRedisImage(definition.get("image"))) {
                out.add(setup(fileName, service.getKey(), definition, boot, services));
            }
        }
        if (out.isEmpty()) {
            throw new UnusableInput(fileName + " has no Redis service (no service runs redis-server or a redis "
                    + "image); check the file name, or validate the Redis command with --redis-args");
        }
        return out;
    }

    private static Map<String, Object> services(String text, String fileName) {
        Object root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        } catch (YAMLException e) {
            throw new UnusableInput(fileName + " is not readable YAML: " + oneLine(e.getMessage()));
        }
        if (!(root instanceof Map<?, ?> top) || !(top.get("services") instanceof Map<?, ?>)) {
            throw new UnusableInput(fileName + " is not a compose file: it has no services: mapping");
        }
        return map(top.get("services"));
    }

    private static RedisSetup setup(String fileName, String name, Map<String, Object> definition,
            Optional<List<ConfLine>> boot, Map<String, Object> services) {
        String where = fileName + " service " + name;
        OptionalLong limit = limit(definition, where);
        Optional<SidecarSettings> sidecar = services.entrySet().stream()
                .filter(s -> watches(environment(map(s.getValue())), name))
                .findFirst().map(s -> sidecar(map(s.getValue()), fileName + " service " + s.getKey()));
        return new RedisSetup(where, boot, sidecar, limit, "set mem_limit (e.g. mem_limit: 768m) or "
                + "deploy.resources.limits.memory on service " + name, celeryClients(services, name));
    }

    // Services whose Celery broker setting (CELERY_BROKER_URL, BROKER_URL, ...) is a redis:// URL naming this host.
    private static List<String> celeryClients(Map<String, Object> services, String host) {
        List<String> out = new ArrayList<>();
        Pattern url = Pattern.compile("rediss?://([^@/]*@)?" + Pattern.quote(host) + "(:\\d+)?(/.*)?");
        services.forEach((service, definition) -> environment(map(definition)).forEach((key, value) -> {
            if (key.toUpperCase(Locale.ROOT).contains("BROKER") && url.matcher(value.strip()).matches()) {
                out.add(service + " (" + key + ")");
            }
        }));
        return out;
    }

    private static Optional<List<ConfLine>> command(Map<String, Object> definition, String where) {
        Object command = definition.get("command");
        String source = where + " command";
        try {
            if (command instanceof List<?> words) {
                return RedisCommandLine.parse(words.stream().map(w -> unescape(String.valueOf(w))).toList(), source);
            }
            return command == null ? Optional.empty() : RedisCommandLine.parse(unescape(command.toString()), source);
        } catch (SettingsException e) {
            throw new UnusableInput(where + ": the command cannot be split into words: " + e.getMessage());
        }
    }

    // Compose writes a literal $ as $$; the rest of ${...} stays as written (validate does not interpolate).
    private static String unescape(String word) {
        return word.replace("$$", "$");
    }

    private static boolean isRedisImage(Object image) {
        if (image == null) {
            return false;
        }
        String repository = image.toString().replaceFirst("[:@].*$", "");
        String last = repository.substring(repository.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        return last.equals("redis") || last.equals("redis-stack-server") || last.equals("redis-stack");
    }

    private static OptionalLong limit(Map<String, Object> definition, String where) {
        OptionalLong memLimit = DockerMemory.bytes(definition.get("mem_limit"), where + " mem_limit");
        Object deployed = map(map(map(definition.get("deploy")).get("resources")).get("limits")).get("memory");
        OptionalLong deployLimit = DockerMemory.bytes(deployed, where + " deploy.resources.limits.memory");
        if (memLimit.isPresent() && deployLimit.isPresent()) {
            return OptionalLong.of(Math.min(memLimit.getAsLong(), deployLimit.getAsLong()));
        }
        return memLimit.isPresent() ? memLimit : deployLimit;
    }

    private static SidecarSettings sidecar(Map<String, Object> definition, String where) {
        Map<String, String> env = environment(definition);
        // SIDECAR_SETTINGS_FILE and SIDECAR_CONTAINER_MEMORY_LIMIT_FILE are paths inside the container, not readable
        // from here.
        return new SidecarSettings(Optional.empty(), Optional.ofNullable(env.get("SIDECAR_SETTINGS")), Optional.ofNullable(env.get(
                        "SIDECAR_CONTAINER_MEMORY_LIMIT")), limit(definition, where), Optional.empty());
    }

    static boolean watches(Map<String, String> env, String redisName) {
        String address = env.getOrDefault("REDIS_ADDR", env.getOrDefault("SIDECAR_REDIS_ADDRESS", ""));
        String host = address.replaceFirst("^[a-z]+://", "").replaceFirst("^[^@/]*@", "")
                .replaceFirst("[:/].*$", "");
        return host.equalsIgnoreCase(redisName);
    }

    /** environment: as a mapping or as a list of KEY=VALUE. */
    private static Map<String, String> environment(Map<String, Object> definition) {
        Object env = definition.get("environment");
        Map<String, String> out = new java.util.HashMap<>();
        if (env instanceof Map<?, ?> m) {
            m.forEach((k, v) -> out.put(String.valueOf(k), v == null ? "" : unescape(String.valueOf(v))));
        } else if (env instanceof List<?> list) {
            for (Object item : list) {
                String entry = String.valueOf(item);
                int eq = entry.indexOf('=');
                out.put(eq < 0 ? entry : entry.substring(0, eq), eq < 0 ? "" : unescape(entry.substring(eq + 1)));
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
