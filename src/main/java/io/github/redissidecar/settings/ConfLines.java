package io.github.redissidecar.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits redis.conf-syntax text into directives, quoting rules included (double quotes with backslash escapes,
 * single quotes, {@code ""} for an empty value), the way Redis's own config loader does, so that a line copied
 * from a redis.conf means the same thing here.
 */
public final class ConfLines {

    /** Longer than any real directive (the longest, a save schedule or a keyspace-events list, is a few dozen). */
    public static final int MAX_LINE_CHARS = 16 * 1024;

    private ConfLines() {
    }

    /**
     * @param source how the text is named in errors, e.g. {@code SIDECAR_SETTINGS}
     * @throws SettingsException on unbalanced quotes or a directive without a value
     */
    public static List<ConfLine> parse(String text, String source) {
        List<ConfLine> out = new ArrayList<>();
        String[] lines = text == null ? new String[0] : text.split("\r?\n|\r", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String stripped = line.strip();
            if (stripped.isEmpty() || stripped.startsWith("#")) {
                continue;
            }
            String origin = source + " line " + (i + 1);
            if (line.length() > MAX_LINE_CHARS) {
                throw new SettingsException("Invalid setting in " + origin + ": the line is longer than "
                        + MAX_LINE_CHARS + " characters (" + line.length() + "); no Redis setting is that long");
            }
            List<String> words = split(stripped, new ConfLine(origin, line, "", List.of()));
            ConfLine parsed = new ConfLine(origin, line, words.get(0).toLowerCase(Locale.ROOT), words.subList(1,
                    words.size()));
            if (parsed.args().isEmpty()) {
                // One word alone may be a password file mounted by mistake: it is not repeated.
                String example = "parameter";
                throw new SettingsException(parsed, "no value given; write the parameter and its value, e.g. "
                        + "\"maxmemory 512mb\", or \"" + example + " \\\"\\\"\" for an empty value");
            }
            out.add(parsed);
        }
        return out;
    }

    /**
     * A command line split as Redis splits a config line (quotes, escapes, {@code ""} for an empty word).
     *
     * @param source how the text is named in errors, e.g. {@code --redis-args}
     * @throws SettingsException on unbalanced quotes
     */
    public static List<String> words(String text, String source) {
        return split(text.strip(), new ConfLine(source, text, "", List.of()));
    }

    /** Redis's sdssplitargs: words separated by blanks; quoted words may hold blanks and be empty. */
    static List<String> split(String line, ConfLine forErrors) {
        List<String> words = new ArrayList<>();
        int i = 0;
        while (i < line.length()) {
            if (Character.isWhitespace(line.charAt(i))) {
                i++;
                continue;
            }
            StringBuilder word = new StringBuilder();
            char first = line.charAt(i);
            i = first == '"' || first == '\'' ? quoted(line, i, word, forErrors) : bare(line, i, word);
            words.add(word.toString());
        }
        return words;
    }

    private static int bare(String line, int start, StringBuilder word) {
        int i = start;
        while (i < line.length() && !Character.isWhitespace(line.charAt(i))) {
            word.append(line.charAt(i++));
        }
        return i;
    }

    private static int quoted(String line, int start, StringBuilder word, ConfLine forErrors) {
        char quote = line.charAt(start);
        int i = start + 1;
        while (i < line.length() && line.charAt(i) != quote) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                i = escape(line, i, quote, word);
            } else {
                word.append(c);
                i++;
            }
        }
        if (i >= line.length()) {
            throw new SettingsException(forErrors, "unbalanced " + quote + " quote; close it or remove it");
        }
        i++;
        if (i < line.length() && !Character.isWhitespace(line.charAt(i))) {
            throw new SettingsException(forErrors, "a closing quote must be followed by a space or the line end");
        }
        return i;
    }

    private static int escape(String line, int backslash, char quote, StringBuilder word) {
        char next = line.charAt(backslash + 1);
        if (quote == '\'') {
            word.append(next == '\'' ? "'" : "\\" + next);
            return backslash + 2;
        }
        if (next == 'x' && backslash + 3 < line.length() && isHex(line.charAt(backslash + 2))
                && isHex(line.charAt(backslash + 3))) {
            word.append((char) Integer.parseInt(line.substring(backslash + 2, backslash + 4), 16));
            return backslash + 4;
        }
        word.append(switch (next) {
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'b' -> '\b';
            case 'a' -> (char) 7;
            default -> next;
        });
        return backslash + 2;
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }
}
