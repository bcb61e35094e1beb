package io.github.redissidecar.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.redissidecar.settings.ConfLine;
import io.github.redissidecar.settings.SettingsException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The Redis containers of an ECS task definition (the JSON of {@code aws ecs register-task-definition
 * --cli-input-json}, or the {@code taskDefinition} of {@code describe-task-definition}): the container
 * {@code command}, its limit (the container's {@code memory} in MiB, else the task's), and the sidecar container of
 * the same task. Read as a JSON tree: no classes bound by reflection.
 */
public final class EcsTaskDefinition {

    private static final long MIB = 1L << 20;

    private EcsTaskDefinition() {
    }

    /** @throws UnusableInput when the text is not JSON, not a task definition, or has no Redis container */
    public static List<RedisSetup> setups(String text, String fileName) {
        JsonNode task = parse(text, fileName);
        OptionalLong taskLimit = mib(task.get("memory"), fileName + " memory");
        List<JsonNode> containers = JsonTypes.objects(task.get("containerDefinitions"), fileName
                + " containerDefinitions", "a list of container objects");
        List<RedisSetup> out = new ArrayList<>();
        for (JsonNode container : containers) {
            String where = fileName + " container " + JsonTypes.text(container.get("name"), fileName + " container "
                    + "name", "?");
            Optional<List<ConfLine>> boot = command(container, where);
            if (boot.isPresent() || isRedisImage(JsonTypes.text(container.get("image"), where + " image", ""))) {
                OptionalLong own = mib(container.get("memory"), where + " memory");
                OptionalLong limit = own.isPresent() ? own : taskLimit;
                Optional<SidecarSettings> sidecar = sidecarFor(containers, container, taskLimit, fileName);
                out.add(new RedisSetup(where, boot, sidecar, limit, "set the task's memory (Fargate requires it) "
                        + "or the container's memory (a hard limit, in MiB)"));
            }
        }
        if (out.isEmpty()) {
            throw new UnusableInput(fileName + " has no Redis container (no container runs redis-server or a redis "
                    + "image)");
        }
        return out;
    }

    private static JsonNode parse(String text, String fileName) {
        JsonNode root = JsonTypes.read(text, fileName);
        JsonNode task = root != null && root.has("taskDefinition") ? root.get("taskDefinition") : root;
        if (task == null || !task.path("containerDefinitions").isArray()) {
            throw new UnusableInput(fileName + " is not an ECS task definition: it has no containerDefinitions "
                    + "array");
        }
        return task;
    }

    private static Optional<List<ConfLine>> command(JsonNode container, String where) {
        List<String> words = new ArrayList<>(JsonTypes.strings(container.get("entryPoint"), where + " entryPoint"));
        words.addAll(JsonTypes.strings(container.get("command"), where + " command"));
        try {
            return RedisCommandLine.parse(words, where + " command");
        } catch (SettingsException e) {
            throw new UnusableInput(where + ": the command cannot be split into words: " + e.getMessage());
        }
    }

    private static boolean isRedisImage(String image) {
        String repository = image.replaceFirst("[:@].*$", "");
        String last = repository.substring(repository.lastIndexOf('/') + 1);
        return last.equals("redis") || last.equals("redis-stack-server");
    }

    /** The sidecar of the task: the container whose environment has the sidecar's settings or limit. */
    private static Optional<SidecarSettings> sidecarFor(List<JsonNode> containers, JsonNode redis,
            OptionalLong taskLimit, String fileName) {
        for (JsonNode container : containers) {
            String name = JsonTypes.text(container.get("name"), fileName + " container name", "?");
            Map<String, String> env = JsonTypes.environment(container, fileName + " container " + name);
            boolean sidecar = container != redis && (env.containsKey("SIDECAR_SETTINGS")
                    || env.containsKey("SIDECAR_CONTAINER_MEMORY_LIMIT"));
            if (sidecar) {
                // auto reads the sidecar's own cgroup: its container's memory, else the task's.
                OptionalLong own = mib(container.get("memory"), "sidecar memory");
                return Optional.of(new SidecarSettings(Optional.empty(), Optional.ofNullable(env.get(
                        "SIDECAR_SETTINGS")), Optional.ofNullable(env.get("SIDECAR_CONTAINER_MEMORY_LIMIT")),
                        own.isPresent() ? own : taskLimit, Optional.empty()));
            }
        }
        return Optional.empty();
    }

    /** ECS memory: MiB, as a number or a string ("1024"), at most {@link Limits#MEMORY_BYTES}. */
    private static OptionalLong mib(JsonNode value, String where) {
        if (value == null || value.isNull()) {
            return OptionalLong.empty();
        }
        if (!value.isIntegralNumber() && !value.isTextual()) {
            throw JsonTypes.wrong(where, value, "a whole number of MiB, e.g. 1024");
        }
        String text = value.asText().strip();
        // Bounded before parsing: "99999999999999999999" would overflow a long, and a long times 2^20 too.
        if (text.length() > Limits.NUMBER_CHARS || !text.matches("[0-9]+") || new BigInteger(text).signum() == 0) {
            throw new UnusableInput(where + " is " + Quoted.quote(text) + "; ECS takes memory in MiB as a whole "
                    + "number, e.g. 1024 (units such as 1gb are not accepted)");
        }
        if (new BigInteger(text).compareTo(BigInteger.valueOf(Limits.MEMORY_BYTES / MIB)) > 0) {
            throw new UnusableInput(where + " is " + Quoted.quote(text) + " MiB, over the "
                    + Limits.MEMORY_BYTES_TEXT + " validate accepts as a memory limit (no container has that much); "
                    + "write the limit in MiB, e.g. 1024");
        }
        return OptionalLong.of(Long.parseLong(text) * MIB);
    }
}
