package io.github.redissidecar.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DesiredSettingsTest {

    private static final OptionalLong GIB = OptionalLong.of(1L << 30);

    private static DesiredSettings parse(String text, OptionalLong limit) {
        return DesiredSettings.of(ConfLines.parse(text, "SIDECAR_SETTINGS"), limit);
    }

    private static String value(String text, OptionalLong limit) {
        return parse(text, limit).all().get(0).value();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "maxmemory 512mb|536870912",
        "maxmemory 512MB|536870912",
        "maxmemory 0.5gb|536870912",
        "maxmemory 100m|100000000",
        "maxmemory 0|0",
        "maxmemory 35%|375809638",
        "maxmemory 33.25%|357019156",
        "maxmemory 100%|1073741824",
        "maxmemory-policy ALLKEYS-LRU|allkeys-lru",
        "appendfsync EverySec|everysec",
        "stop-writes-on-bgsave-error NO|no",
        "save \"\"|''",
        "auto-aof-rewrite-min-size 64mb|67108864",
        "notify-keyspace-events Ex|Ex",
    })
    void normalisesAsConfigGetReports(String line, String expected) {
        assertEquals(expected, value(line, GIB));
    }

    @Test
    void percentIsTheSeedsFormula() {
        // Seed 000: floor(task_memory * 0.35 * 0.95) of a 2048 MiB task.
        long task = 2048L << 20;
        assertEquals(Long.toString((long) Math.floor(task * 0.35 * 0.95)),
                value("maxmemory 33.25%", OptionalLong.of(task)));
    }

    @Test
    void saveLinesAccumulateAsInRedisConf() {
        assertEquals("3600 1 300 100", value("save 3600 1\nsave 300 100", GIB));
        assertEquals("", value("save 3600 1\nsave \"\"", GIB));
    }

    @Test
    void keepsTheOrderAndWhereEachLineCameFrom() {
        DesiredSettings settings = parse("maxmemory 35%\nmaxmemory-policy allkeys-lru", GIB);
        assertEquals(List.of("maxmemory", "maxmemory-policy"), settings.parameters());
        assertEquals("35%", settings.all().get(0).written());
        assertEquals("SIDECAR_SETTINGS line 2", settings.all().get(1).origin());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "maxmemory-policy allkeys-lru2|not a valid maxmemory-policy; use one of allkeys-lfu",
        "maxmemory 12 potatoes|\"12 potatoes\" is not a size",
        "maxmemory 512zb|\"512zb\" is not a size",
        "maxmemory 150%|at most 100%",
        "maxmemory 0%|above 0%",
        "maxmemory abc%|not a percentage",
        "maxmemory 2gb|above the container memory limit of 1073741824 bytes",
        "appendfsync sometimes|use one of always, everysec, no",
        "port 7000|cut the sidecar's own connection",
        "rename-command CONFIG \"\"|not a runtime parameter",
        "max_memory 1gb|not a Redis parameter name",
    })
    void refusesWithTheLineTheValueAndTheFix(String line, String expected) {
        SettingsException e = assertThrows(SettingsException.class, () -> parse(line, GIB));
        assertTrue(e.getMessage().contains("SIDECAR_SETTINGS line 1"), e.getMessage());
        assertTrue(e.getMessage().contains(line), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void percentWithoutAContainerLimitNamesTheKeyToSet() {
        SettingsException e = assertThrows(SettingsException.class,
                () -> parse("maxmemory 35%", OptionalLong.empty()));
        assertTrue(e.getMessage().contains("SIDECAR_CONTAINER_MEMORY_LIMIT"), e.getMessage());
    }

    @Test
    void aParameterGivenTwiceNamesBothPlaces() {
        SettingsException e = assertThrows(SettingsException.class,
                () -> parse("maxmemory 1mb\nmaxmemory 2mb", GIB));
        assertTrue(e.getMessage().contains("already set by SIDECAR_SETTINGS line 1"), e.getMessage());
    }

    @Test
    void unknownParametersPassThroughForRedisToJudge() {
        assertEquals("whatever Value", value("some-future-parameter whatever Value", GIB));
    }
}
