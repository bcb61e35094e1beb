package io.github.redissidecar.validate;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.redissidecar.testing.Fuzz;
import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * validate's readers on seeded random text: as a whole compose file, a whole task definition, and as the memory
 * values inside otherwise good ones. Each either reads or throws {@link UnusableInput} with a one-line message;
 * anything else (a stack trace in the making) or a slow input fails with its seed and index, to be replayed.
 */
class ValidateFuzzTest {

    private static final int TRIES = 400;

    @Test
    void composeFiles() {
        fuzz(1, input -> ComposeFile.setups(input, "fuzz.yaml"));
        fuzz(2, input -> ComposeFile.setups("services:\n  redis:\n    image: redis\n    command: " + input
                + "\n    mem_limit: " + input + "\n", "fuzz.yaml"));
    }

    @Test
    void ecsTaskDefinitions() {
        fuzz(3, input -> EcsTaskDefinition.setups(input, "fuzz.json"));
        fuzz(4, input -> EcsTaskDefinition.setups("{\"containerDefinitions\": [{\"name\": \"redis\", \"command\": "
                + input + ", \"memory\": " + input + "}]}", "fuzz.json"));
    }

    @Test
    void memoryValues() {
        fuzz(5, input -> DockerMemory.bytes(input, "mem_limit"));
        fuzz(6, input -> ComposeFile.setups("services:\n  redis:\n    image: redis\n    mem_limit: \""
                + yamlEscaped(input) + "\"\n", "fuzz.yaml"));
        fuzz(7, input -> EcsTaskDefinition.setups("{\"containerDefinitions\": [{\"name\": \"redis\", \"image\": "
                + "\"redis\", \"memory\": \"" + jsonEscaped(input) + "\"}]}", "fuzz.json"));
    }

    /** Every input read or refused in one line; the whole run within a minute (each input in milliseconds). */
    private static void fuzz(long seed, Consumer<String> read) {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> Fuzz.run(seed, TRIES, input -> {
            long start = System.nanoTime();
            try {
                read.accept(input);
            } catch (UnusableInput e) {
                String line = "validate: " + Quoted.line(e.getMessage());
                assertTrue(line.lines().count() == 1 && !line.isBlank(), line);
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis < 5_000, "took " + millis + " ms");
        }));
    }

    private static String yamlEscaped(String text) {
        StringBuilder out = new StringBuilder();
        text.chars().forEach(c -> out.append(c == '"' || c == '\\' || c < 0x20 || c == 0x7f || c > 0x7e
                ? String.format("\\u%04x", c) : Character.toString(c)));
        return out.toString();
    }

    private static String jsonEscaped(String text) {
        return yamlEscaped(text); // \\uXXXX is the same escape in JSON as in a double-quoted YAML scalar
    }
}
