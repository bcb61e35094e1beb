package io.github.redissidecar.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The JVM settings of docker/Dockerfile.jvm, so that tests and the benchmark run the jar as the image does. */
public final class DockerfileJvm {

    private static final Path FILE = Path.of("docker/Dockerfile.jvm");

    private DockerfileJvm() {
    }

    /** The words of {@code ENV JAVA_OPTS="..."}. */
    public static List<String> javaOpts() throws IOException {
        Matcher m = Pattern.compile("ENV JAVA_OPTS=\"(.*?)\"", Pattern.DOTALL).matcher(Files.readString(FILE));
        if (!m.find()) {
            throw new IllegalStateException("no JAVA_OPTS in " + FILE);
        }
        return Arrays.stream(m.group(1).replace("\\\n", " ").trim().split("\\s+")).toList();
    }

    /** The exec-form command of {@code HEALTHCHECK ... CMD [...]}, as Docker would run it. */
    public static List<String> healthcheck() throws IOException {
        Matcher m = Pattern.compile("HEALTHCHECK [^\n]*\\\n\\s*CMD (\\[.*\\])").matcher(Files.readString(FILE));
        if (!m.find()) {
            throw new IllegalStateException("no exec-form HEALTHCHECK in " + FILE);
        }
        return List.of(new com.fasterxml.jackson.databind.ObjectMapper().readValue(m.group(1), String[].class));
    }

    /** The other {@code ENV NAME=value} lines (MALLOC_ARENA_MAX). */
    public static Map<String, String> environment() throws IOException {
        Matcher m = Pattern.compile("(?m)^ENV (?!JAVA_OPTS)([A-Z_]+)=(\\S+)$").matcher(Files.readString(FILE));
        java.util.Map<String, String> out = new java.util.HashMap<>();
        while (m.find()) {
            out.put(m.group(1), m.group(2));
        }
        return Map.copyOf(out);
    }
}
