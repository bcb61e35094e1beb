package io.github.redissidecar.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The texts packaged with the sidecar: its version (filtered in by Maven) and its --help. */
public final class Version {

    private Version() {
    }

    /** e.g. {@code 0.1.0}. */
    public static String number() {
        return text("/version.txt").strip().replaceFirst("^redis-memory-sidecar ", "");
    }

    public static String text(String resource) {
        try (InputStream in = Version.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
