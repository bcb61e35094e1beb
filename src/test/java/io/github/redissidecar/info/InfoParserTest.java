package io.github.redissidecar.info;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InfoParserTest {

    static String fixture(String name) throws IOException {
        try (InputStream in = InfoParserTest.class.getResourceAsStream("/info/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"7.0-master.txt", "7.0-replica.txt", "7.0-master-default.txt"})
    void capturedRepliesParseWithSections(String name) throws IOException {
        String text = fixture(name);
        assertTrue(text.contains("\r\n"), "fixtures keep Redis's CRLF");
        InfoSnapshot info = InfoParser.parse(text);
        assertEquals("7.0.15", info.text("redis_version").orElseThrow());
        assertEquals("server", info.sectionOf("redis_version").orElseThrow());
        assertEquals("memory", info.sectionOf("used_memory").orElseThrow());
        assertTrue(info.number("used_memory").orElseThrow() > 0);
    }

    @Test
    void masterFixtureHoldsTheCompoundLines() throws IOException {
        InfoSnapshot info = InfoParser.parse(fixture("7.0-master.txt"));
        assertEquals(26572, info.number("evicted_keys").orElseThrow());
        assertEquals("keys=6479,expires=0,avg_ttl=0", info.text("db0").orElseThrow());
        assertEquals("keyspace", info.sectionOf("db0").orElseThrow());
        assertEquals("commandstats", info.sectionOf("cmdstat_client|setname").orElseThrow());
        assertEquals("ok", info.text("rdb_last_bgsave_status").orElseThrow());
        assertTrue(info.number("rdb_last_bgsave_status").isEmpty(), "status words are not numbers");
    }

    @Test
    void subFieldsSplitCompoundValues() {
        assertEquals(java.util.Map.of("keys", "1", "expires", "0"), InfoParser.subFields("keys=1,expires=0,junk"));
        assertTrue(InfoParser.subFields(null).isEmpty());
    }

    @Test
    void malformedLinesAreSkipped() {
        InfoSnapshot info = InfoParser.parse("# Memory\r\nno colon here\r\n:novalue\r\nused_memory:12\r\n"
                + "bin\u0000ary:1\r\nweird:\r\nused_memory:99\r\n");
        assertEquals(12, info.number("used_memory").orElseThrow(), "first occurrence wins");
        assertFalse(info.text("bin\u0000ary").isPresent());
        assertEquals("", info.text("weird").orElseThrow());
        assertTrue(info.number("weird").isEmpty());
        assertTrue(InfoParser.parse(null).isEmpty());
        assertTrue(InfoParser.parse("").isEmpty());
    }

    @Test
    void numbersRejectWhatInfoNeverMeans() {
        assertTrue(Numbers.parse("NaN").isEmpty());
        assertTrue(Numbers.parse("Infinity").isEmpty());
        assertTrue(Numbers.parse("0x10").isEmpty());
        assertTrue(Numbers.parse("1d").isEmpty());
        assertEquals(1.11, Numbers.parse("1.11").orElseThrow());
        assertEquals(-1, Numbers.parse("-1").orElseThrow());
    }

    @Test
    void randomTruncatedAndBinaryInputNeverThrows() throws IOException {
        String real = fixture("7.0-master.txt");
        Random random = new Random(42);
        for (int i = 0; i < 2000; i++) {
            String input = switch (i % 3) {
                case 0 -> real.substring(0, random.nextInt(real.length()));
                case 1 -> randomBytes(random, 1 + random.nextInt(512));
                default -> mutate(real, random);
            };
            InfoSnapshot info = InfoParser.parse(input);
            info.fields().values().forEach(InfoParser::subFields);
            info.fields().values().forEach(Numbers::parse);
        }
    }

    private static String randomBytes(Random random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    private static String mutate(String text, Random random) {
        char[] c = text.toCharArray();
        for (int j = 0; j < 50; j++) {
            c[random.nextInt(c.length)] = (char) random.nextInt(256);
        }
        return new String(c);
    }
}
