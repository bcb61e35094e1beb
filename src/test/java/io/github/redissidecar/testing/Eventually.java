package io.github.redissidecar.testing;

import java.time.Duration;
import java.util.concurrent.Callable;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/** Waits for a condition on something other than /metrics, such as a Redis setting; with Awaitility. */
public final class Eventually {

    private Eventually() {
    }

    /** Polls {@code condition} every 5 ms; returns the elapsed nanoseconds, fails after {@code timeout}. */
    public static long within(Duration timeout, String what, Callable<Boolean> condition) {
        return within(timeout, Duration.ofMillis(5), what, condition);
    }

    /** Polls {@code condition} every {@code pace}; returns the elapsed nanoseconds, fails after {@code timeout}. */
    public static long within(Duration timeout, Duration pace, String what, Callable<Boolean> condition) {
        long start = System.nanoTime();
        try {
            Awaitility.await(what).atMost(timeout).pollDelay(Duration.ZERO).pollInterval(pace)
                    .pollInSameThread().until(condition);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(what + " not within " + timeout);
        }
        return System.nanoTime() - start;
    }
}
