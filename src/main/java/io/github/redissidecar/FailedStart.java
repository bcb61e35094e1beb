package io.github.redissidecar;

import io.quarkus.runtime.ApplicationLifecycleManager;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.smallrye.config.ConfigValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * How the process ends when Quarkus stops. A configuration the sidecar refuses is one line per problem on stderr,
 * naming the key, the value and the fix, and exit code 1: a container log shows the reason, not a stack trace.
 * Any other startup failure is logged with its stack trace, because then the trace is the information.
 */
final class FailedStart {

    private static final Pattern PROPERTY = Pattern.compile("config property (\\S+) with the config value \"(.*?)\"");

    private FailedStart() {
    }

    static void exit(Integer code, Throwable failure) {
        if (failure != null) {
            List<String> lines = configurationProblems(failure);
            if (lines.isEmpty()) {
                Logger.getLogger(Main.class).error("Failed to start", failure);
            } else {
                lines.forEach(line -> System.err.println("Refusing to start. " + line));
            }
        }
        ApplicationLifecycleManager.getDefaultExitCodeHandler().accept(code, failure);
    }

    /** One line per configuration problem found in the cause chain; empty when the failure is something else. */
    static List<String> configurationProblems(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof InvalidConfiguration || t instanceof ConfigurationException) {
                return List.of(oneLine(t.getMessage()));
            }
            if (t instanceof ConfigValidationException invalid) {
                List<String> out = new ArrayList<>();
                for (int i = 0; i < invalid.getProblemCount(); i++) {
                    out.add(property(invalid.getProblem(i).getMessage()));
                }
                return out;
            }
        }
        return List.of();
    }

    // SmallRye's "SRCFG00039: The config property sidecar.poll.interval with the config value "x" threw ..." in
    // the words of the rest of the sidecar: the environment variable, the property, the value, what to do.
    private static String property(String message) {
        Matcher m = PROPERTY.matcher(message);
        if (!m.find()) {
            return oneLine(message);
        }
        String env = m.group(1).toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
        String why = oneLine(message.substring(m.end()))
                .replaceAll("threw an Exception whil\\w+ being converted\\s*", "")
                .replaceAll("SRCFG\\d+:\\s*", "").replaceAll(" to enum class [\\w.$]+", "").strip();
        String hint = why.contains("duration") ? "; write a duration such as 500ms, 1s, 30s or PT1M"
                : "; see --help for the accepted values";
        return env + " (" + m.group(1) + ") is \"" + m.group(2) + "\": " + why + hint;
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
