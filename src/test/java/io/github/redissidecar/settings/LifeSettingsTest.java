package io.github.redissidecar.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LifeSettingsTest {

    private static DesiredSettings desired(String text) {
        return DesiredSettings.of(ConfLines.parse(text, "test"), OptionalLong.empty());
    }

    @Test
    void aLifeThatCameBackRestoresEverythingUntilItIsInForce() {
        LifeSettings life = new LifeSettings();
        DesiredSettings desired = desired("maxmemory 32mb\nmaxmemory-policy allkeys-lru");
        life.newLife(true);
        assertEquals(Set.of("maxmemory", "maxmemory-policy"), life.restores(desired));
        life.inForce("maxmemory", "33554432");
        assertEquals(Set.of("maxmemory", "maxmemory-policy"), life.restores(desired),
                "putting back what was in force is still a restore");
        assertEquals(Set.of("maxmemory-policy"), life.restores(desired("maxmemory 16mb\nmaxmemory-policy "
                + "allkeys-lru")), "a newly declared, lower value after the restore is a change");
    }

    @Test
    void anAdoptedLifeRestoresOnlyWhatWasInForceOnIt() {
        LifeSettings life = new LifeSettings();
        DesiredSettings desired = desired("maxmemory 48mb");
        life.newLife(false);
        assertEquals(Set.of(), life.restores(desired), "adopted: the margin applies");
        life.inForce("maxmemory", "50331648");
        assertEquals(Set.of("maxmemory"), life.restores(desired), "a hand-typed CONFIG SET undone");
        life.newLife(false);
        assertEquals(Set.of(), life.restores(desired), "what was in force belongs to the previous life");
    }
}
