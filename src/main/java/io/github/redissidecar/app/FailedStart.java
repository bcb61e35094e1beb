package io.github.redissidecar.app;

import io.github.redissidecar.checks.InvalidConfiguration;
import io.github.redissidecar.config.ConfigKeys;
import io.quarkus.runtime.ApplicationLifecycleManager;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.smallrye.config.ConfigValidationException;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * How the process ends when Quarkus stops. A configuration the sidecar refuses is one line per problem on stderr,
 * naming the key, the value and the fix, and exit code 1: a container log shows the reason, not a stack trace.
 * Any other startup failure is logged with its stack trace, because then the trace is the information.
 */
final class FailedStart {

    private FailedStart() {
    }

    static void exit(Integer code, Throwable failure) {
        if (failure != null) {
            List<String> lines = configurationProblems(failure, FailedStart::rawValue);
            if (lines.isEmpty()) {
                Logger.getLogger(Main.class).error("Failed to start", failure);
            } else {
                lines.forEach(line -> System.err.println("Refusing to start. " + line));
            }
        }
        ApplicationLifecycleManager.getDefaultExitCodeHandler().accept(code, failure);
    }

    /**
     * One line per configuration problem found in the cause chain; empty when the failure is something else. A
     * value that the configuration could not convert is found again by reading every key's raw value ({@code raw})
     * and converting it ourselves ({@link ConfigKeys}), so the line names the key and the value in our words.
     */
    static List<String> configurationProblems(Throwable failure, Function<String, Optional<String>> raw) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof InvalidConfiguration || t instanceof ConfigurationException) {
                return List.of(oneLine(t.getMessage()));
            }
            if (t instanceof ConfigValidationException) {
                List<String> ours = ConfigKeys.conversionProblems(raw);
                return ours.isEmpty() ? List.of(oneLine(t.getMessage())) : ours;
            }
        }
        return List.of();
    }

    // The values as the sidecar's configuration reads them: system properties, the environment, and the
    // sources of META-INF/services (redis_exporter's variable names).
    private static Optional<String> rawValue(String property) {
        SmallRyeConfig config = new SmallRyeConfigBuilder().addDefaultSources().addDiscoveredSources().build();
        return Optional.ofNullable(config.getRawValue(property));
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
