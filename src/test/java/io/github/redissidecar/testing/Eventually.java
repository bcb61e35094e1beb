package io.github.redissidecar.testing;

import java.time.Duration;
import java.util.concurrent.Callable;

/** Waits for a condition on something other than /metrics, such as a Redis setting. */
public final class Eventually {

    private Eventually() {
    }

    /** Polls {@code condition} every 5 ms; returns the elapsed nanoseconds, fails after {@code timeout}. */
    public static long within(Duration timeout, String what, Callable<Boolean> condition) throws Exception {
        return within(timeout, Duration.ofMillis(5), what, condition);
    }

    /** Polls {@code condition} every {@code pace}; returns the elapsed nanoseconds, fails after {@code timeout}. */
    public static long within(Duration timeout, Duration pace, String what, Callable<Boolean> condition)
            throws Exception {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        while (!condition.call()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + " not within " + timeout);
            }
            Thread.sleep(pace.toMillis());
        }
        return System.nanoTime() - start;
    }
}
