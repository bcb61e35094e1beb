package io.github.redissidecar.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code promtool check metrics} on the golden file: the exposition must parse, and the only lint complaints
 * allowed are about names we keep for redis_exporter compatibility, never about our own redis_sidecar_* names.
 */
class PromtoolLintTest {

    @Test
    void goldenFileParsesAndOnlyInheritedNamesDrawLintComplaints() throws Exception {
        String golden = Files.readString(Path.of("src/test/resources/metrics/expected.prom"));
        Set<String> inherited = InfoFieldTable.FIELDS.stream().map(InfoField::name).collect(Collectors.toSet());
        for (String part : golden.split("# 7\\.0-[a-z]+\\.txt\n")) {
            if (part.isBlank()) {
                continue;
            }
            Process p = new ProcessBuilder("promtool", "check", "metrics").redirectErrorStream(true).start();
            p.getOutputStream().write(part.getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().close();
            List<String> complaints = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank()).toList();
            // promtool: 0 clean, 3 lint problems only, 1 the exposition does not parse.
            assertEquals(complaints.isEmpty() ? 0 : 3, p.waitFor(), String.join("\n", complaints));
            for (String line : complaints) {
                assertFalse(line.startsWith("error while linting"), "exposition does not parse: " + line);
                String name = line.split(" ")[0];
                assertTrue(inherited.contains(name), "lint complaint about a name of ours: " + line);
            }
            assertEquals(0, complaints.stream().filter(l -> l.startsWith("redis_sidecar_")).count());
        }
    }
}
