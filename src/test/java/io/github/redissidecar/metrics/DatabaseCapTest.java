package io.github.redissidecar.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class DatabaseCapTest {

    private static final Map<String, String> KEYS = Map.of("keys", "5", "expires", "0");

    @Test
    void sixteenDatabasesAreAllPaddedAsBefore() {
        DatabaseCap.Capped capped = DatabaseCap.of(new TreeMap<>(Map.of("db3", KEYS)), 16);
        assertEquals(16, capped.databases().size());
        assertEquals(0, capped.notExported());
        assertEquals(KEYS, capped.databases().get("db3"));
    }

    @Test
    void threeHundredThousandDatabasesAreCappedWithTheOnesHoldingKeysFirst() {
        DatabaseCap.Capped capped = DatabaseCap.of(new TreeMap<>(Map.of("db299999", KEYS, "db7", KEYS)), 300_000);
        assertEquals(DatabaseCap.MAX_DATABASES, capped.databases().size());
        assertEquals(KEYS, capped.databases().get("db299999"));
        assertEquals(KEYS, capped.databases().get("db7"));
        assertEquals(300_000 - DatabaseCap.MAX_DATABASES, capped.notExported());
    }

    @Test
    void anInfoListingMoreDatabasesThanTheSettingIsCappedToo() {
        Map<String, Map<String, String>> listed = new TreeMap<>();
        for (int i = 0; i < 1000; i++) {
            listed.put("db" + i, KEYS);
        }
        DatabaseCap.Capped capped = DatabaseCap.of(listed, 0);
        assertEquals(DatabaseCap.MAX_DATABASES, capped.databases().size());
        assertEquals(1000 - DatabaseCap.MAX_DATABASES, capped.notExported());
        assertTrue(capped.databases().containsKey("db0") && capped.databases().containsKey("db255"));
    }
}
