package io.github.redissidecar.validate;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The sidecar's own configuration for one Redis, as its environment gives it, unread: reading and checking it is
 * the startup code's job ({@link io.github.redissidecar.settings.SettingsSources},
 * {@link io.github.redissidecar.settings.DesiredSettings}), so that validate and startup never disagree.
 *
 * @param file {@code SIDECAR_SETTINGS_FILE}
 * @param text {@code SIDECAR_SETTINGS}
 * @param limitSetting {@code SIDECAR_CONTAINER_MEMORY_LIMIT} as written
 * @param autoLimit what {@code auto} would read in that deployment (the sidecar's own cgroup limit)
 * @param limitFile {@code SIDECAR_CONTAINER_MEMORY_LIMIT_FILE}, when readable from here (not a path inside a
 *     container of a compose file or an ECS task)
 */
public record SidecarSettings(Optional<Path> file, Optional<String> text, Optional<String> limitSetting,
        OptionalLong autoLimit, Optional<Path> limitFile) {

    public boolean declaresAnything() {
        return file.isPresent() || text.isPresent();
    }
}
