package io.github.redissidecar.settings;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RestartDetectorTest {

    @Test
    void aNewRunIdIsARestartAndTheSameServerSeenAgainIsNot() {
        RestartDetector detector = new RestartDetector();
        assertFalse(detector.observe("a", 100), "the first observation has nothing to compare with");
        assertFalse(detector.observe("a", 101));
        assertFalse(detector.observe("a", 101), "a reconnect to the same server");
        assertTrue(detector.observe("b", 0));
        assertFalse(detector.observe("b", 1));
    }

    @Test
    void uptimeGoingBackwardsIsARestartEvenWithTheSameRunId() {
        RestartDetector detector = new RestartDetector();
        detector.observe("a", 500);
        assertTrue(detector.observe("a", 3));
    }
}
