package io.github.redissidecar.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LifeSettingsTest {

    private static final DesiredSettings DESIRED = desired("maxmemory 32mb\nmaxmemory-policy allkeys-lru");

    private static DesiredSettings desired(String text) {
        return DesiredSettings.of(ConfLines.parse(text, "test"), OptionalLong.empty());
    }

    @Test
    void aRestartRestoresWhatWasInForceOnThePreviousLife() {
        LifeSettings life = new LifeSettings();
        life.adopted();
        life.inForce("maxmemory", "33554432");
        life.inForce("maxmemory-policy", "allkeys-lru");
        life.restarted();
        assertEquals(Set.of("maxmemory", "maxmemory-policy"), life.restores(DESIRED));
        life.restarted(); // restarted again before the sidecar could put them back: still restores
        assertEquals(Set.of("maxmemory", "maxmemory-policy"), life.restores(DESIRED));
        assertEquals(Set.of("maxmemory-policy"), life.restores(desired("maxmemory 16mb\nmaxmemory-policy "
                + "allkeys-lru")), "a newly declared, lower value is a change");
    }

    @Test
    void aValueHeldBackOnAnAdoptedRedisStaysAChangeAfterARestart() {
        LifeSettings life = new LifeSettings();
        life.adopted();
        life.inForce("maxmemory-policy", "allkeys-lru");
        assertEquals(Set.of("maxmemory-policy"), life.restores(DESIRED), "maxmemory was never in force");
        life.restarted();
        assertEquals(Set.of("maxmemory-policy"), life.restores(DESIRED),
                "the reloaded dataset is as large as before: the margin still applies, loudly");
    }

    @Test
    void aRedisStartedWithTheSidecarWithoutItsSettingsGetsThemAllBack() {
        LifeSettings life = new LifeSettings();
        life.cameBack(DESIRED);
        assertEquals(Set.of("maxmemory", "maxmemory-policy"), life.restores(DESIRED));
        life.inForce("maxmemory", "33554432");
        assertEquals(Set.of("maxmemory", "maxmemory-policy"), life.restores(DESIRED));
    }

    @Test
    void aHandTypedChangeOnTheSameLifeIsUndoneAsARestore() {
        LifeSettings life = new LifeSettings();
        DesiredSettings desired = desired("maxmemory 48mb");
        life.adopted();
        assertEquals(Set.of(), life.restores(desired), "adopted: the margin applies");
        life.inForce("maxmemory", "50331648");
        assertEquals(Set.of("maxmemory"), life.restores(desired), "CONFIG SET maxmemory 0 typed by hand, undone");
        life.adopted();
        assertEquals(Set.of(), life.restores(desired));
    }

    @Test
    void aValueReplacedInTheSettingsIsNoLongerARestore() {
        LifeSettings life = new LifeSettings();
        life.cameBack(DESIRED);
        life.inForce("maxmemory", "33554432");
        life.forget(Set.of("maxmemory")); // 32mb -> 64mb in the file, then back to 32mb: a change, not a restore
        assertEquals(Set.of("maxmemory-policy"), life.restores(DESIRED));
    }
}
