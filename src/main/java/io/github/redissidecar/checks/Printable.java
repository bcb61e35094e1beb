package io.github.redissidecar.checks;

/**
 * Outside text (a settings line, a server's error, a file name) as it may appear in one log line or message: control
 * characters escaped, so that a CR or LF in the text cannot start a forged log line, and long text shortened.
 */
public final class Printable {

    /** Longer text is cut: a message quotes a value to name it, not to reproduce it. */
    public static final int MAX_CHARS = 200;

    private Printable() {
    }

    public static String of(String text) {
        return of(text, MAX_CHARS);
    }

    public static String of(String text, int maxChars) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), maxChars) + 16);
        int shown = 0;
        for (int i = 0; i < text.length() && shown < maxChars; i++, shown++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (escaped(c)) {
                        out.append(c > 0xff ? String.format("\\u%04x", (int) c) : String.format("\\x%02x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        if (shown < text.length()) {
            out.append("…(").append(text.length()).append(" characters)");
        }
        return out.toString();
    }

    // Line and paragraph separators end a line in some viewers; format characters (a right-to-left override) change
    // how the rest of the line reads.
    private static boolean escaped(char c) {
        return Character.isISOControl(c) || c == '\u2028' || c == '\u2029'
                || Character.getType(c) == Character.FORMAT;
    }

    /** Whether {@link #of(String)} would change anything but the length. */
    public static boolean hasControl(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (escaped(c)) {
                return true;
            }
        }
        return false;
    }
}
