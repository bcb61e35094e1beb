package io.github.redissidecar.testing;

import java.time.Duration;

/**
 * Time that has to pass, as opposed to a condition to wait for: a scenario's own pacing (a scrape interval, a steady
 * writer, a Redis that must be old), a measurement window, or a span in which something must not happen and nothing
 * the test can read shows that the sidecar looked. Every call says which in a comment. Every other wait in the tests
 * is on a condition, with a deadline ({@link Eventually}, {@link Scrape#await}, Awaitility).
 */
public final class Pace {

    private Pace() {
    }

    public static void hold(Duration duration) {
        try {
            Thread.sleep(duration.toMillis()); // the one deliberate sleep: the time itself is the point
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while holding " + duration, e);
        }
    }
}
