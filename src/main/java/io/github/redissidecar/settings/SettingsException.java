package io.github.redissidecar.settings;

import io.github.redissidecar.checks.InvalidConfiguration;

/** A desired setting that cannot be used; the message names the line, the value and the fix. */
public class SettingsException extends InvalidConfiguration {

    public SettingsException(ConfLine line, String problem) {
        super("Invalid setting in " + line.origin() + " \"" + line.text().strip() + "\": " + problem);
    }

    public SettingsException(String message) {
        super(message);
    }
}
