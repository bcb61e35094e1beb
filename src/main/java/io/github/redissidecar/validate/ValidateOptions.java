package io.github.redissidecar.validate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The arguments of {@code validate}, as {@code --name value} or {@code --name=value}. {@code SIDECAR_SETTINGS},
 * {@code SIDECAR_SETTINGS_FILE}, {@code SIDECAR_CONTAINER_MEMORY_LIMIT} and {@code SIDECAR_CONTAINER_MEMORY_LIMIT_FILE}
 * from the environment stand in for the options, as they do at startup.
 */
public record ValidateOptions(List<Path> composeFiles, List<Path> ecsTasks, Optional<String> redisArgs,
        Optional<Path> redisConf, Optional<Path> settingsFile, Optional<String> settingsText,
        Optional<String> containerLimit, Optional<Path> containerLimitFile, boolean json, Severity failOn,
        boolean help) {

    /** @throws UnusableInput on an unknown option or a missing or bad value */
    public static ValidateOptions parse(List<String> args, Map<String, String> env) {
        List<Path> compose = new ArrayList<>();
        List<Path> ecs = new ArrayList<>();
        Map<String, String> single = new java.util.HashMap<>();
        boolean help = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--help") || arg.equals("-h")) {
                help = true;
                continue;
            }
            int eq = arg.indexOf('=');
            String name = eq > 0 && arg.startsWith("--") ? arg.substring(0, eq) : arg;
            String value;
            if (eq > 0 && arg.startsWith("--")) {
                value = arg.substring(eq + 1);
            } else if (i + 1 < args.size()) {
                value = args.get(++i);
            } else {
                throw new UnusableInput(name + " needs a value. " + ValidateCommand.USAGE);
            }
            switch (name) {
                case "--compose" -> compose.add(Path.of(value));
                case "--ecs-task" -> ecs.add(Path.of(value));
                case "--redis-args", "--redis-conf", "--settings-file", "--container-memory-limit",
                        "--container-memory-limit-file", "--format", "--fail-on" -> single.put(name, value);
                default -> throw new UnusableInput("unknown argument '" + name + "'. " + ValidateCommand.USAGE);
            }
        }
        return new ValidateOptions(compose, ecs, Optional.ofNullable(single.get("--redis-args")),
                Optional.ofNullable(single.get("--redis-conf")).map(Path::of),
                Optional.ofNullable(single.getOrDefault("--settings-file", blankToNull(env.get(
                        "SIDECAR_SETTINGS_FILE")))).map(Path::of),
                Optional.ofNullable(blankToNull(env.get("SIDECAR_SETTINGS"))),
                Optional.ofNullable(single.getOrDefault("--container-memory-limit", blankToNull(env.get(
                        "SIDECAR_CONTAINER_MEMORY_LIMIT")))),
                Optional.ofNullable(single.getOrDefault("--container-memory-limit-file", blankToNull(env.get(
                        "SIDECAR_CONTAINER_MEMORY_LIMIT_FILE")))).map(Path::of),
                json(single.getOrDefault("--format", "text")), failOn(single.getOrDefault("--fail-on", "warning")),
                help);
    }

    private static boolean json(String format) {
        return switch (format.toLowerCase(Locale.ROOT)) {
            case "text" -> false;
            case "json" -> true;
            default -> throw new UnusableInput("--format is " + Quoted.quote(format) + "; use text or json");
        };
    }

    private static Severity failOn(String severity) {
        return switch (severity.toLowerCase(Locale.ROOT)) {
            case "warning" -> Severity.WARNING;
            case "error" -> Severity.ERROR;
            default -> throw new UnusableInput("--fail-on is " + Quoted.quote(severity) + "; use warning or error");
        };
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
