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
            String where = fileName + " service " + service.getKey();
            Map<String, Object> definition = YamlTypes.mapping(service.getValue(), where);
            Optional<List<ConfLine>> boot = command(definition, where);
            if (boot.isPresent() || isRedisImage(YamlTypes.scalar(definition.get("image"), where + " image",
                    "a string (an image name such as redis:7)"))) {
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
        Object root = ComposeYaml.load(text, fileName);
        if (!(root instanceof Map<?, ?> top) || !(top.get("services") instanceof Map<?, ?>)) {
            throw new UnusableInput(fileName + " is not a compose file: it has no services: mapping");
        }
        return YamlTypes.mapping(top.get("services"), fileName + " services");
    }

    private static RedisSetup setup(String fileName, String name, Map<String, Object> definition,
            Optional<List<ConfLine>> boot, Map<String, Object> services) {
        String where = fileName + " service " + name;
        OptionalLong limit = limit(definition, where);
        Optional<SidecarSettings> sidecar = services.entrySet().stream()
                .filter(s -> watches(environment(map(s, fileName), fileName + " service " + s.getKey()), name))
                .findFirst().map(s -> sidecar(map(s, fileName), fileName + " service " + s.getKey()));
        return new RedisSetup(where, boot, sidecar, limit, "set mem_limit (e.g. mem_limit: 768m) or "
                + "deploy.resources.limits.memory on service " + name, celeryClients(services, name, fileName));
    }

    // Services whose Celery broker setting (CELERY_BROKER_URL, BROKER_URL, ...) is a redis:// URL naming this host.
    private static List<String> celeryClients(Map<String, Object> services, String host, String fileName) {
        List<String> out = new ArrayList<>();
        Pattern url = Pattern.compile("rediss?://([^@/]*@)?" + Pattern.quote(host) + "(:\\d+)?(/.*)?");
        for (Map.Entry<String, Object> s : services.entrySet()) {
            environment(map(s, fileName), fileName + " service " + s.getKey()).forEach((key, value) -> {
                if (key.toUpperCase(Locale.ROOT).contains("BROKER") && url.matcher(value.strip()).matches()) {
                    out.add(s.getKey() + " (" + key + ")");
                }
            });
        }
        return out;
    }

    private static Optional<List<ConfLine>> command(Map<String, Object> definition, String where) {
        Object command = definition.get("command");
        String source = where + " command";
        String expected = "a string or a list of strings (command: redis-server --maxmemory 512mb)";
        try {
            if (command instanceof List<?> words) {
                return RedisCommandLine.parse(YamlTypes.scalars(words, source, expected).stream()
                        .map(ComposeFile::unescape).toList(), source);
            }
            String line = YamlTypes.scalar(command, source, expected);
            return line == null ? Optional.empty() : RedisCommandLine.parse(unescape(line), source);
        } catch (SettingsException e) {
            throw new UnusableInput(where + ": the command cannot be split into words: " + e.getMessage());
        }
    }

    // Compose writes a literal $ as $$; the rest of ${...} stays as written (validate does not interpolate).
    private static String unescape(String word) {
        return word.replace("$$", "$");
    }

    private static boolean isRedisImage(String image) {
        if (image == null) {
            return false;
        }
        String repository = image.replaceFirst("[:@].*$", "");
        String last = repository.substring(repository.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        return last.equals("redis") || last.equals("redis-stack-server") || last.equals("redis-stack");
    }

    private static OptionalLong limit(Map<String, Object> definition, String where) {
        String size = "a memory size (768m, or bytes as a number)";
        YamlTypes.scalar(definition.get("mem_limit"), where + " mem_limit", size);
        OptionalLong memLimit = DockerMemory.bytes(definition.get("mem_limit"), where + " mem_limit");
        String key = where + " deploy";
        Map<String, Object> deploy = YamlTypes.mapping(definition.get("deploy"), key);
        Map<String, Object> resources = YamlTypes.mapping(deploy.get("resources"), key += ".resources");
        Map<String, Object> limits = YamlTypes.mapping(resources.get("limits"), key += ".limits");
        Object deployed = limits.get("memory");
        YamlTypes.scalar(deployed, key + ".memory", size);
        OptionalLong deployLimit = DockerMemory.bytes(deployed, where + " deploy.resources.limits.memory");
        if (memLimit.isPresent() && deployLimit.isPresent()) {
            return OptionalLong.of(Math.min(memLimit.getAsLong(), deployLimit.getAsLong()));
        }
        return memLimit.isPresent() ? memLimit : deployLimit;
    }

    private static SidecarSettings sidecar(Map<String, Object> definition, String where) {
        Map<String, String> env = environment(definition, where);
        // SIDECAR_SETTINGS_FILE and SIDECAR_CONTAINER_MEMORY_LIMIT_FILE are paths inside the container, not readable
        // from here.
        return new SidecarSettings(Optional.empty(), Optional.ofNullable(env.get("SIDECAR_SETTINGS")),
                Optional.ofNullable(env.get("SIDECAR_CONTAINER_MEMORY_LIMIT")), limit(definition, where),
                Optional.empty());
    }

    static boolean watches(Map<String, String> env, String redisName) {
        String address = env.getOrDefault("REDIS_ADDR", env.getOrDefault("SIDECAR_REDIS_ADDRESS", ""));
        String host = address.replaceFirst("^[a-z]+://", "").replaceFirst("^[^@/]*@", "")
                .replaceFirst("[:/].*$", "");
        return host.equalsIgnoreCase(redisName);
    }

    /** environment: as a mapping or as a list of KEY=VALUE. */
    private static Map<String, String> environment(Map<String, Object> definition, String where) {
        Object env = definition.get("environment");
        String key = where + " environment";
        Map<String, String> out = new java.util.HashMap<>();
        if (env instanceof Map<?, ?> m) {
            m.forEach((k, v) -> {
                if (k == null) {
                    throw YamlTypes.wrong(key, null, "NAME: value entries");
                }
                String name = YamlTypes.scalar(k, key, "NAME: value entries");
                String value = YamlTypes.scalar(v, key + " " + name, "a string, number or boolean");
                out.put(name, value == null ? "" : unescape(value));
            });
        } else if (env instanceof List<?> list) {
            for (String entry : YamlTypes.scalars(list, key, "a list of NAME=value strings")) {
                int eq = entry.indexOf('=');
                out.put(eq < 0 ? entry : entry.substring(0, eq), eq < 0 ? "" : unescape(entry.substring(eq + 1)));
            }
        } else if (env != null) {
            throw YamlTypes.wrong(key, env, "a mapping (NAME: value) or a list of NAME=value strings");
        }
        return out;
    }

    // A service's definition, from the entry of services: it is named by.
    private static Map<String, Object> map(Map.Entry<String, Object> service, String fileName) {
        return YamlTypes.mapping(service.getValue(), fileName + " service " + service.getKey());
    }

    static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
