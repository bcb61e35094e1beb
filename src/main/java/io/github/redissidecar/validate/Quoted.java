package io.github.redissidecar.validate;

import io.github.redissidecar.checks.Printable;

/**
 * Text from an input as it can go into a one-line message: control and line-separator characters escaped (a value
 * with a newline or an escape sequence must not forge a second line or recolour a terminal), long values shortened.
 */
final class Quoted {

    /** A value quoted in a message: at most this many characters of it are shown. */
    static final int VALUE_CHARS = 60;

    /** A whole message line: beyond this its middle is cut, keeping the start (what) and the end (the fix). */
    static final int LINE_CHARS = 1000;

    private Quoted() {
    }

    /** The value in double quotes, escaped, and shortened with its length when long. */
    static String quote(Object value) {
        String text = String.valueOf(value);
        if (text.length() <= VALUE_CHARS) {
            return "\"" + escape(text) + "\"";
        }
        return "\"" + escape(text.substring(0, VALUE_CHARS)) + "…\" (" + text.length() + " characters)";
    }

    /** A message made safe to print as one line. */
    static String line(String message) {
        String text = escape(message == null ? "" : message);
        if (text.length() <= LINE_CHARS) {
            return text;
        }
        int tail = LINE_CHARS / 3;
        return text.substring(0, LINE_CHARS - tail) + " … " + text.substring(text.length() - tail);
    }

    private static String escape(String text) {
        return Printable.of(text, Integer.MAX_VALUE);
    }
}
