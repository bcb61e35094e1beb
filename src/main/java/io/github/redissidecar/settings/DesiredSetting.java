package io.github.redissidecar.settings;

/**
 * One parameter the sidecar keeps in place.
 *
 * @param parameter the name as CONFIG GET reports it
 * @param value the value as CONFIG GET reports it ({@code 512mb} is {@code 536870912})
 * @param written the value as the user wrote it ({@code 35%}), for logs and /status
 * @param origin where it was written, e.g. {@code SIDECAR_SETTINGS line 1}
 */
public record DesiredSetting(String parameter, String value, String written, String origin) {
}
