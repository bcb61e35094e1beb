package io.github.redissidecar.validate;

import io.github.redissidecar.settings.ConfLine;
import io.github.redissidecar.settings.ConfLines;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Redis's directives from a container command: {@code redis-server [config-file] --name value ...}, found inside
 * {@code sh -c "... exec redis-server ..."} wrappers too. Each {@code --name} starts a directive and the words
 * after it are its arguments, which is how redis-server itself turns its arguments into config lines.
 */
public final class RedisCommandLine {

    private static final Set<String> SHELL_SEPARATORS = Set.of(";", "&&", "||", "|", "&");

    private RedisCommandLine() {
    }

    /** From one string, split as a shell would for simple commands (quotes, {@code ""}, backslash-newline). */
    public static Optional<List<ConfLine>> parse(String command, String source) {
        return parse(ConfLines.words(command.replace("\\\r\n", " ").replace("\\\n", " "), source), source);
    }

    /** From an exec-form command: a list of words as the container runtime passes them. */
    public static Optional<List<ConfLine>> parse(List<String> words, String source) {
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (isRedisServer(word)) {
                return Optional.of(directives(words.subList(i + 1, words.size()), source));
            }
            if (word.equals("-c") && i + 1 < words.size() && words.get(i + 1).contains("redis-server")) {
                return parse(words.get(i + 1), source);
            }
        }
        return Optional.empty();
    }

    private static boolean isRedisServer(String word) {
        return word.equals("redis-server") || word.endsWith("/redis-server");
    }

    private static List<ConfLine> directives(List<String> args, String source) {
        List<ConfLine> out = new ArrayList<>();
        String name = null;
        List<String> values = new ArrayList<>();
        for (String arg : args) {
            if (SHELL_SEPARATORS.contains(arg)) {
                break;
            }
            if (arg.startsWith("--")) {
                add(out, name, values, source);
                name = arg.substring(2);
                values = new ArrayList<>();
            } else if (name != null) {
                values.add(arg);
            }
            // Words before the first --name: the config file path, which the deploy file does not contain.
        }
        add(out, name, values, source);
        return out;
    }

    private static void add(List<ConfLine> out, String name, List<String> values, String source) {
        if (name == null) {
            return;
        }
        String parameter = name.toLowerCase(java.util.Locale.ROOT);
        // redis-server takes a bare "--save" as save "" (no snapshots).
        List<String> args = values.isEmpty() && parameter.equals("save") ? List.of("") : values;
        String text = "--" + name + (values.isEmpty() ? "" : " " + String.join(" ", values.stream()
                .map(v -> v.isEmpty() || v.contains(" ") ? "\"" + v + "\"" : v).toList()));
        out.add(new ConfLine(source, text, parameter, args));
    }
}
