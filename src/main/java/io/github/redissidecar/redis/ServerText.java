package io.github.redissidecar.redis;

import io.github.redissidecar.checks.Printable;
import java.util.Collection;

/**
 * Words from the server (an error reply, a socket's message) made fit for a log line and /status: the credentials
 * the sidecar sent replaced with {@code ****} (a Redis with AUTH renamed echoes its arguments: "unknown command
 * 'auth', with args beginning with: 'secret'"), control characters escaped so that a server cannot start a log
 * line of its own, and the length bounded so that a long error is not copied around whole.
 */
public final class ServerText {

    /** The most characters of server text kept; more is cut and counted. */
    public static final int MAX_CHARS = 300;
    static final String MASK = "****";

    private ServerText() {
    }

    /** {@code text} with each of {@code secrets} masked, control characters escaped, cut at {@link #MAX_CHARS}. */
    public static String clean(String text, Collection<String> secrets) {
        String masked = text == null ? "" : text;
        for (String secret : secrets) {
            if (secret != null && !secret.isEmpty()) {
                masked = masked.replace(secret, MASK);
            }
        }
        return Printable.of(masked, MAX_CHARS);
    }
}
