package io.github.redissidecar.checks;

/**
 * A configuration the sidecar refuses to start with. The message is one line that names the key, the value and
 * the fix; {@code Main} prints exactly that line, without a stack trace, and exits non-zero.
 */
public class InvalidConfiguration extends IllegalArgumentException {

    public InvalidConfiguration(String message) {
        super(message);
    }
}
