package io.github.redissidecar.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ByteSizeTest {

    @ParameterizedTest
    @CsvSource({
        "805306368, 805306368", "768mb, 805306368", "768MB, 805306368", "768Mi, 805306368",
        "1.5gb, 1610612736", "1k, 1000", "1kb, 1024", "2m, 2000000", "1Gi, 1073741824", "512 mb, 536870912",
        "0, 0"})
    void parsesRedisAndKubernetesUnits(String text, long bytes) {
        assertEquals(bytes, ByteSize.parse(text).orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "mb", "12xb", "-5mb", "1.2.3mb", "lots", "99999999999999999999tb"})
    void rejectsWhatIsNotASize(String text) {
        assertTrue(ByteSize.parse(text).isEmpty(), text);
    }
}
