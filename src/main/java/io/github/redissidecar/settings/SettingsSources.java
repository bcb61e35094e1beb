package io.github.redissidecar.settings;

import io.github.redissidecar.files.BoundedFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The directives of the sidecar's two settings sources, file first, as startup and every re-read see them. Startup,
 * the re-reads and {@code validate} all read them here, so a file that one accepts the others accept too.
 */
public final class SettingsSources {

    /** A whole redis.conf with its comments is about 110 KB; settings files are a few lines. */
    public static final int MAX_FILE_BYTES = 256 * 1024;

    private SettingsSources() {
    }

    /**
     * @param file {@code SIDECAR_SETTINGS_FILE}, if set
     * @param text {@code SIDECAR_SETTINGS}, if set
     * @throws SettingsException when the file cannot be read or a line cannot be parsed
     */
    public static List<ConfLine> read(Optional<Path> file, Optional<String> text) {
        return parse(file, file.map(SettingsSources::readFile), text);
    }

    /**
     * The directives of the file's text as already read, then of {@code SIDECAR_SETTINGS}.
     *
     * @throws SettingsException when a line cannot be parsed
     */
    public static List<ConfLine> parse(Optional<Path> file, Optional<String> fileText, Optional<String> text) {
        List<ConfLine> lines = new ArrayList<>();
        file.ifPresent(f -> lines.addAll(ConfLines.parse(fileText.orElse(""), "SIDECAR_SETTINGS_FILE " + f)));
        text.ifPresent(t -> lines.addAll(ConfLines.parse(t, "SIDECAR_SETTINGS")));
        return lines;
    }

    /** @throws SettingsException when the file cannot be read */
    public static String readFile(Path file) {
        try {
            return BoundedFile.read(file, MAX_FILE_BYTES);
        } catch (BoundedFile.Refused e) {
            throw new SettingsException("SIDECAR_SETTINGS_FILE " + e.getMessage() + "; mount the settings file (a "
                    + "regular file of redis.conf lines) or unset SIDECAR_SETTINGS_FILE");
        }
    }
}
