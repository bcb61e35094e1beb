package io.github.redissidecar.keys;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * The sampler's warm-up, after the sidecar starts and after every Redis restart: batches follow each other as fast
 * as a share of Redis's time allows, until every database's window is full, then the steady per-minute budget takes
 * over. At the steady 4 keys a minute a 1,000-sample window takes hours to fill, and the estimates of the first
 * minutes rest on a few dozen keys (±20 points); the person who deploys the sidecar because Redis is full wants
 * the answer now. The pace is measured, not assumed: after a batch that took t (as the sidecar sees it, which
 * includes the round trip, so Redis's own share is smaller), the next starts t / share later.
 */
public final class WarmUp {

    /** A warm-up that has not filled the windows by then gives way to the steady budget anyway. */
    static final Duration LONGEST = Duration.ofMinutes(10);

    private final double share;
    private boolean active;
    private long startedNanos;
    private long busyNanos;
    private long samples;

    /** @param percent the largest share of Redis's time the warm-up may take, in percent; 0 turns it off */
    public WarmUp(double percent) {
        this.share = percent / 100;
    }

    /** Starts (again): at the sidecar's start, and when Redis restarted. Its clock starts with its first batch. */
    public synchronized void start() {
        active = share > 0;
        startedNanos = -1;
        busyNanos = 0;
        samples = 0;
    }

    public synchronized boolean active() {
        return active;
    }

    /** Ends it when every database with keys holds a full window, or when it has run for too long. */
    public synchronized boolean finished(Map<Integer, Integer> held, Set<Integer> databasesWithKeys, int window,
            long nowNanos) {
        if (startedNanos < 0) {
            startedNanos = nowNanos;
        }
        if (active && (nowNanos - startedNanos > LONGEST.toNanos() || (!databasesWithKeys.isEmpty()
                && databasesWithKeys.stream().allMatch(db -> held.getOrDefault(db, 0) >= window)))) {
            active = false;
            return true;
        }
        return false;
    }

    /** The database to sample next: the one whose window holds the fewest samples. */
    public static int neediest(Map<Integer, Integer> held, Set<Integer> databasesWithKeys) {
        return databasesWithKeys.stream().min((a, b) -> Integer.compare(held.getOrDefault(a, 0),
                held.getOrDefault(b, 0))).orElseThrow();
    }

    /** After a batch of {@code keys} that took {@code nanos}: how long to wait before the next one. */
    public synchronized Duration after(int keys, long nanos) {
        busyNanos += nanos;
        samples += keys;
        return Duration.ofNanos((long) (nanos / share) - nanos);
    }

    /** One line for the log when it ends: samples, time, and the share of it spent waiting on Redis. */
    public synchronized String summary(long nowNanos) {
        double seconds = (nowNanos - startedNanos) / 1e9;
        return String.format(java.util.Locale.ROOT, "%d samples in %.1f s, %.0f ms of it waiting on Redis (%.2f %%)",
                samples, seconds, busyNanos / 1e6, seconds > 0 ? 100 * busyNanos / 1e9 / seconds : 0);
    }
}
