package io.github.redissidecar.settings;

import io.github.redissidecar.checks.Printable;
import io.github.redissidecar.checks.InvalidConfiguration;

/** A desired setting that cannot be used; the message names the line, the value and the fix. */
public class SettingsException extends InvalidConfiguration {

    /**
     * The line is quoted only when it reads as a directive (a word and a value) that holds no secret: a line of one
     * word, or with an unbalanced quote, may be a password in a file mounted by mistake.
     */
    public SettingsException(ConfLine line, String problem) {
        super("Invalid setting in " + line.origin() + (quotable(line) ? " \"" + Printable.of(line.text().strip())
                + "\"" : "") + ": " + Printable.of(problem, Integer.MAX_VALUE));
    }

    public SettingsException(String message) {
        super(message);
    }

    static boolean quotable(ConfLine line) {
        return !line.args().isEmpty() && !ParameterCatalog.isSecret(line.parameter());
    }
}
