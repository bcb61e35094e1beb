package io.github.redissidecar.validate;

/**
 * One problem found before deploy.
 *
 * @param source where it comes from: {@code redis.conf line 4}, {@code compose.yaml service redis-cache}
 * @param message what is wrong and why it matters, with the numbers
 * @param fix what to change
 */
public record Finding(Severity severity, String source, String message, String fix) {

    public static Finding error(String source, String message, String fix) {
        return new Finding(Severity.ERROR, source, message, fix);
    }

    public static Finding warning(String source, String message, String fix) {
        return new Finding(Severity.WARNING, source, message, fix);
    }
}
