package io.github.redissidecar.deploy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a clean Docker builder does with the two Dockerfiles' Maven runs (there is no Docker engine here to build
 * them): nothing runs offline (the dependency layer does not fetch what a test run resolves, e.g. Failsafe's
 * JUnit Platform provider), and every build takes the release's version. tools/dockerfile-maven.sh (run by .ci/run)
 * runs Dockerfile.native's Maven steps from an empty local repository.
 */
class DockerfilesTest {

    private static final Pattern OFFLINE = Pattern.compile("(^|\\s)(-o|--offline)(\\s|$)");

    @ParameterizedTest
    @ValueSource(strings = {"native", "jvm"})
    void noMavenRunIsOfflineAndEveryBuildTakesTheReleaseVersion(String variant) throws Exception {
        List<String> instructions = instructions(Path.of("docker/Dockerfile." + variant));
        List<String> maven = instructions.stream().filter(i -> i.startsWith("RUN ") && i.contains("./mvnw"))
                .toList();
        assertTrue(maven.size() >= 2, String.valueOf(maven));
        for (String run : maven) {
            assertFalse(OFFLINE.matcher(run).find(), "offline on a clean builder: " + run);
            if (!run.contains("go-offline")) {
                assertTrue(run.contains("-Drevision=${VERSION}"), "the image would say 0.1.0-SNAPSHOT: " + run);
            }
        }
        assertTrue(instructions.get(0).startsWith("ARG VERSION="), "a default version for local builds");
        String last = String.join("\n", instructions.subList(lastFrom(instructions), instructions.size()));
        assertTrue(last.contains("org.opencontainers.image.version=\"${VERSION}\""), last);
        assertTrue(last.contains("HEALTHCHECK"), last);
        assertTrue(last.contains("USER 1001"), last);
    }

    private static int lastFrom(List<String> instructions) {
        for (int i = instructions.size() - 1; i >= 0; i--) {
            if (instructions.get(i).startsWith("FROM ")) {
                return i;
            }
        }
        throw new AssertionError("no FROM");
    }

    // Instructions with their continuation lines joined, comments dropped.
    private static List<String> instructions(Path dockerfile) throws Exception {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : Files.readAllLines(dockerfile)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.isEmpty())) {
                continue;
            }
            boolean continues = trimmed.endsWith("\\");
            current.append(continues ? trimmed.substring(0, trimmed.length() - 1) : trimmed).append(' ');
            if (!continues) {
                out.add(current.toString().strip());
                current.setLength(0);
            }
        }
        return out;
    }
}
