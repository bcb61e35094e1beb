package io.github.redissidecar.redis;

import java.time.Duration;

/** Exponential reconnect delay: initial, doubled per failure, capped. Not thread-safe; used on one event loop. */
public final class Backoff {

    private final long initialMillis;
    private final long maxMillis;
    private long next;

    public Backoff(Duration initial, Duration max) {
        this.initialMillis = Math.max(1, initial.toMillis());
        this.maxMillis = Math.max(initialMillis, max.toMillis());
        this.next = initialMillis;
    }

    public long nextDelayMillis() {
        long delay = next;
        next = Math.min(maxMillis, next * 2);
        return delay;
    }

    public void reset() {
        next = initialMillis;
    }
}
