package io.github.redissidecar.validate;

/**
 * An input that cannot be validated at all (a missing file, YAML or JSON that does not parse, a limit in unknown
 * units, a compose file without Redis): one line on stderr and exit 2, never a stack trace.
 */
public class UnusableInput extends RuntimeException {

    public UnusableInput(String message) {
        super(message, null, false, false);
    }
}
