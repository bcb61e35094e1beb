package io.github.redissidecar.validate;

import io.github.redissidecar.checks.InvalidConfiguration;
import io.github.redissidecar.memory.ContainerMemoryLimit;
import io.github.redissidecar.settings.ConfLines;
import io.github.redissidecar.settings.SettingsException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code validate}: checks deploy files before they reach Redis, without a server or a connection. Every input
 * becomes one or more {@link RedisSetup}s; {@link SetupChecks} finds the problems; {@link Report} prints them.
 */
public final class ValidateCommand {

    public static final String USAGE = "Usage: redis-memory-sidecar validate [--compose FILE] [--ecs-task FILE] "
            + "[--redis-args \"redis-server ...\"] [--redis-conf FILE] [--settings-file FILE] "
            + "[--container-memory-limit SIZE | --container-memory-limit-file FILE] [--format text|json] "
            + "[--fail-on warning|error]";

    private ValidateCommand() {
    }

    /** Runs the command; the exit code: 0 clean, 1 warnings, 2 errors or an input that cannot be read. */
    public static int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err) {
        try {
            ValidateOptions options = ValidateOptions.parse(args, env);
            if (options.help()) {
                out.println(USAGE);
                return 0;
            }
            Report report = report(options);
            out.print(options.json() ? report.json() : report.text());
            return report.exitCode();
        } catch (UnusableInput e) {
            err.println("validate: " + Quoted.line(e.getMessage()));
            return 2;
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            // A bug, or a limit missed: still one line and exit 2, as promised for any input, not a stack trace.
            err.println("validate: the inputs could not be checked (" + e.getClass().getSimpleName() + "); this is a "
                    + "bug in validate: report it with the input file");
            return 2;
        }
    }

    static Report report(ValidateOptions options) {
        List<RedisSetup> setups = new ArrayList<>();
        for (Path compose : options.composeFiles()) {
            setups.addAll(ComposeFile.setups(read(compose), compose.toString()));
        }
        for (Path task : options.ecsTasks()) {
            setups.addAll(EcsTaskDefinition.setups(read(task), task.toString()));
        }
        commandLineSetup(options).ifPresent(setups::add);
        if (setups.isEmpty()) {
            throw new UnusableInput("nothing to validate. " + USAGE);
        }
        List<Finding> findings = new ArrayList<>();
        setups.forEach(s -> findings.addAll(SetupChecks.check(s)));
        return new Report(setups.stream().map(RedisSetup::name).toList(), findings, options.failOn());
    }

    /** The Redis described on the command line: its args or redis.conf, the sidecar's settings, the limit. */
    private static Optional<RedisSetup> commandLineSetup(ValidateOptions options) {
        Optional<String> settings = options.settingsText();
        if (options.redisArgs().isEmpty() && options.redisConf().isEmpty() && options.settingsFile().isEmpty()
                && settings.isEmpty()) {
            return Optional.empty();
        }
        options.settingsFile().ifPresent(ValidateCommand::read); // a missing file is unusable input
        OptionalLong limit = options.containerLimitFile().isPresent() && options.containerLimit().isEmpty()
                ? limitFile(options.containerLimitFile().get()) : limit(options.containerLimit());
        Optional<SidecarSettings> sidecar = options.settingsFile().isPresent() || settings.isPresent()
                ? Optional.of(new SidecarSettings(options.settingsFile(), settings, options.containerLimit(), limit,
                        options.containerLimitFile()))
                : Optional.empty();
        List<io.github.redissidecar.settings.ConfLine> boot = new ArrayList<>();
        try {
            if (options.redisConf().isPresent()) {
                Path conf = options.redisConf().get();
                boot.addAll(ConfLines.parse(read(conf), conf.toString()));
            }
            if (options.redisArgs().isPresent()) {
                boot.addAll(RedisCommandLine.parse(options.redisArgs().get(), "--redis-args").orElseThrow(() ->
                        new UnusableInput("--redis-args has no redis-server; give the command as the container "
                                + "runs it, e.g. --redis-args \"redis-server --maxmemory 512mb\"")));
            }
        } catch (SettingsException e) {
            throw new UnusableInput(e.getMessage());
        }
        String name = options.redisConf().map(Path::toString).orElse(options.redisArgs().isPresent() ? "--redis-args"
                : "sidecar settings");
        return Optional.of(new RedisSetup(name, options.redisArgs().isPresent() || options.redisConf().isPresent()
                ? Optional.of(boot) : Optional.empty(), sidecar, limit, "pass the container's limit with "
                + "--container-memory-limit (e.g. 768mb), and set it in the deployment"));
    }

    // On the CI machine "auto" would read the CI runner's cgroup, not Redis's: it means "unknown" here.
    private static OptionalLong limit(Optional<String> setting) {
        if (setting.isEmpty() || setting.get().strip().equalsIgnoreCase("auto")) {
            return OptionalLong.empty();
        }
        try {
            return ContainerMemoryLimit.resolve(setting.get(), Path.of("/nonexistent"), Path.of("/nonexistent"));
        } catch (InvalidConfiguration e) {
            throw new UnusableInput("--container-memory-limit is " + Quoted.quote(setting.get()) + ", which is "
                    + "not a memory size; write bytes (805306368), redis.conf units (768mb, 1.5gb) or Kubernetes "
                    + "units (768Mi)");
        }
    }

    // Read as startup reads it; a file that startup could not read leaves nothing to check against.
    private static OptionalLong limitFile(Path file) {
        InputFile.check(file);
        try {
            return ContainerMemoryLimit.fromFile(file);
        } catch (InvalidConfiguration e) {
            throw new UnusableInput(e.getMessage());
        }
    }

    private static String read(Path file) {
        return InputFile.read(file);
    }
}
