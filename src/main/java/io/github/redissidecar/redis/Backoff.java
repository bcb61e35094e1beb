package io.github.redissidecar.redis;

import java.time.Duration;

/**
 * Reconnect delays. A failure that a retry can outlast (Redis restarting, unreachable, slow) is retried fast, from
 * the initial delay doubling to the configured cap, so a restarted Redis is seen within that cap. A failure that
 * repeats identically until someone fixes it (credentials, permissions, TLS, protocol) backs off from half a
 * second doubling to eight: a forgotten password costs Redis a handful of connections, not a storm, and a fixed
 * password file is still picked up within seconds. Not thread-safe; used on one event loop.
 */
public final class Backoff {

    static final long PERSISTENT_INITIAL_MILLIS = 500;
    static final long PERSISTENT_MAX_MILLIS = 8_000;

    private final long initialMillis;
    private final long maxMillis;
    private long nextFast;
    private long nextPersistent = PERSISTENT_INITIAL_MILLIS;

    public Backoff(Duration initial, Duration max) {
        this.initialMillis = Math.max(1, initial.toMillis());
        this.maxMillis = Math.max(initialMillis, max.toMillis());
        this.nextFast = initialMillis;
    }

    /** The delay before the next attempt after a failure of this kind. */
    public long nextDelayMillis(FailureReason reason) {
        if (reason.outlasted()) {
            nextPersistent = PERSISTENT_INITIAL_MILLIS;
            long delay = nextFast;
            nextFast = Math.min(maxMillis, nextFast * 2);
            return delay;
        }
        nextFast = initialMillis;
        long delay = nextPersistent;
        nextPersistent = Math.min(PERSISTENT_MAX_MILLIS, nextPersistent * 2);
        return delay;
    }

    public void reset() {
        nextFast = initialMillis;
        nextPersistent = PERSISTENT_INITIAL_MILLIS;
    }
}
