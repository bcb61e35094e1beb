package io.github.redissidecar.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConfLinesTest {

    @Test
    void readsRedisConfSyntaxWithCommentsQuotesAndEmptyValues() {
        List<ConfLine> lines = ConfLines.parse("""
                # memory
                MaxMemory 35%

                save ""
                notify-keyspace-events "Ex"
                save 3600 1 300 100
                logfile 'it\\'s'
                """, "SIDECAR_SETTINGS");
        assertEquals(5, lines.size());
        assertEquals("maxmemory", lines.get(0).parameter(), "names are lower-cased as CONFIG GET reports them");
        assertEquals("SIDECAR_SETTINGS line 2", lines.get(0).origin());
        assertEquals(List.of(""), lines.get(1).args());
        assertEquals("Ex", lines.get(2).joinedArgs());
        assertEquals("3600 1 300 100", lines.get(3).joinedArgs());
    }

    @Test
    void escapesInsideDoubleQuotes() {
        assertEquals(List.of("a b", "\n", "A"), ConfLines.split("\"a b\" \"\\n\" \"\\x41\"", null));
    }

    @Test
    void unbalancedQuoteNamesTheLine() {
        SettingsException e = assertThrows(SettingsException.class,
                () -> ConfLines.parse("maxmemory 1gb\nsave \"3600 1", "SIDECAR_SETTINGS"));
        assertTrue(e.getMessage().contains("SIDECAR_SETTINGS line 2"), e.getMessage());
        // Not quoted: a line with an unbalanced quote may be a password mounted by mistake.
        assertFalse(e.getMessage().contains("3600"), e.getMessage());
        assertTrue(e.getMessage().contains("unbalanced"), e.getMessage());
    }

    @Test
    void aParameterWithoutValueIsAnError() {
        SettingsException e = assertThrows(SettingsException.class,
                () -> ConfLines.parse("maxmemory", "SIDECAR_SETTINGS"));
        assertTrue(e.getMessage().contains("no value given"), e.getMessage());
    }

    @Test
    void closingQuoteMustEndTheWord() {
        assertThrows(SettingsException.class, () -> ConfLines.parse("save \"\"x", "f"));
    }
}
