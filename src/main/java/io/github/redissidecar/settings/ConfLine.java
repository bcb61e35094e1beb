package io.github.redissidecar.settings;

import java.util.List;

/**
 * One directive of a redis.conf-syntax text: the parameter (lower-cased, as CONFIG GET reports it) and its
 * arguments after quote handling.
 *
 * @param origin where the line came from, for error messages: {@code SIDECAR_SETTINGS line 2}
 * @param text the line as written
 */
public record ConfLine(String origin, String text, String parameter, List<String> args) {

    public ConfLine {
        args = List.copyOf(args);
    }

    /** The arguments as one CONFIG SET value: {@code save 3600 1 300 100} is {@code "3600 1 300 100"}. */
    public String joinedArgs() {
        return String.join(" ", args);
    }
}
