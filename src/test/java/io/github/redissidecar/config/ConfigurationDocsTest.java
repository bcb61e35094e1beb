package io.github.redissidecar.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.redissidecar.config.ConfigKeys.Key;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The configuration is described once, by the mapping ({@link SidecarConfig}, read by {@link ConfigKeys}); the docs
 * table and {@code --help} are held to it: every key, its environment variable and its default, and nothing else.
 */
class ConfigurationDocsTest {

    private static final Path TABLE = Path.of("docs/configuration.md");
    private static final Path HELP = Path.of("src/main/resources/help.txt");

    @Test
    void theDocsTableHasEveryKeyWithItsVariableAndDefault() throws IOException {
        List<String> rows = Files.readString(TABLE).lines().filter(l -> l.startsWith("| `sidecar.")).toList();
        List<String> wrong = new ArrayList<>();
        for (Key key : ConfigKeys.all()) {
            String row = rows.stream().filter(r -> r.startsWith("| `" + key.property() + "` |")).findFirst()
                    .orElse(null);
            if (row == null) {
                wrong.add(key.property() + ": no row");
                continue;
            }
            String[] cells = row.split(" \\| ");
            if (!cells[1].contains("`" + key.env() + "`")) {
                wrong.add(key.property() + ": the variable is " + key.env() + ", the row says " + cells[1]);
            }
            key.defaultValue().filter(d -> !cells[2].equals("`" + d + "`"))
                    .ifPresent(d -> wrong.add(key.property() + ": the default is " + d + ", the row says " + cells[2]));
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void theDocsTableNamesNoKeyTheMappingLacks() throws IOException {
        Set<String> keys = ConfigKeys.all().stream().map(Key::property).collect(Collectors.toSet());
        List<String> unknown = Files.readString(TABLE).lines().filter(l -> l.startsWith("| `sidecar."))
                .map(l -> l.substring(3, l.indexOf('`', 3))).filter(k -> !keys.contains(k)).toList();
        assertEquals(List.of(), unknown);
    }

    @Test
    void helpListsEveryVariableWithItsDefault() throws IOException {
        List<String> lines = Files.readString(HELP).lines().toList();
        List<String> wrong = new ArrayList<>();
        for (Key key : ConfigKeys.all()) {
            String line = lines.stream().filter(l -> names(l).contains(key.env())).findFirst().orElse(null);
            if (line == null) {
                wrong.add(key.env() + ": not listed");
            } else if (key.defaultValue().isPresent() && !line.contains(" " + key.defaultValue().get() + " ")
                    && !line.endsWith(" " + key.defaultValue().get())) {
                wrong.add(key.env() + ": the default " + key.defaultValue().get() + " is not on its line");
            }
        }
        assertEquals(List.of(), wrong);
    }

    // The variables a help line names: "A" or "A / B".
    private static List<String> names(String line) {
        return List.of(line.strip().split("\\s{2,}")[0].split(" / "));
    }
}
