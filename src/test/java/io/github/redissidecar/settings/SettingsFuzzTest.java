package io.github.redissidecar.settings;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random, truncated, mutated and binary settings text: the parser either accepts it or refuses it with a
 * {@link SettingsException} naming the line. Nothing else may escape (fixed seed, so a failure reproduces).
 */
class SettingsFuzzTest {

    private static final String VALID = "maxmemory 33.25%\nmaxmemory-policy allkeys-lru\nsave \"\"\n"
            + "appendfsync everysec\nnotify-keyspace-events \"Ex\"\nsave 3600 1 300 100\n";
    private static final String ALPHABET = "maxmemory-policy 0123456789%.kmgbKMGB \"'\\\t\n\r#xyzallkeys-lru";

    @Test
    void neverThrowsAnythingButASettingsException() {
        Random random = new Random(42);
        for (int i = 0; i < 5_000; i++) {
            String input = switch (i % 4) {
                case 0 -> randomText(random);
                case 1 -> VALID.substring(0, random.nextInt(VALID.length() + 1));
                case 2 -> mutate(VALID, random);
                default -> binary(random);
            };
            for (OptionalLong limit : List.of(OptionalLong.empty(), OptionalLong.of(1L << 30))) {
                try {
                    DesiredSettings settings = DesiredSettings.of(ConfLines.parse(input, "fuzz"), limit);
                    settings.all().forEach(s -> assertTrue(s.parameter().matches("[a-z0-9][a-z0-9-]*"), s::toString));
                } catch (SettingsException expected) {
                    assertTrue(expected.getMessage().startsWith("Invalid setting in fuzz line "),
                            expected.getMessage());
                }
            }
        }
    }

    private static String randomText(Random random) {
        StringBuilder sb = new StringBuilder();
        int length = random.nextInt(200);
        for (int i = 0; i < length; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    private static String mutate(String text, Random random) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < 1 + random.nextInt(8); i++) {
            chars[random.nextInt(chars.length)] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        }
        return new String(chars);
    }

    private static String binary(Random random) {
        byte[] bytes = new byte[random.nextInt(300)];
        random.nextBytes(bytes);
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
