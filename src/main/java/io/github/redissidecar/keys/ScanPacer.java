package io.github.redissidecar.keys;

import io.github.redissidecar.info.InfoParser;
import io.github.redissidecar.info.InfoSnapshot;
import io.github.redissidecar.redis.RedisCommands;
import io.github.redissidecar.redis.RedisFailure;
import java.time.Duration;
import java.util.List;

/**
 * Paces an exact scan to a share of Redis's CPU time. A page's round trip overstates what Redis spent on it many
 * times over (the client, the network and the event loop are in it), so every {@link #CALIBRATE_EVERY} pages the
 * pacer reads INFO cpu and learns how much of the round trip Redis's process spent on the CPU (its work for other
 * clients and its own timers included, so it errs on the safe side). Until then it assumes all of it.
 */
public final class ScanPacer {

    static final int CALIBRATE_EVERY = 10;

    private final RedisCommands redis;
    private final double share;
    private double redisShareOfRoundTrip = 1;
    private int pages;
    private long roundTripNanos;
    private long lastUsec = -1;

    /** @param percent the share of Redis's time the scan may take, in percent */
    public ScanPacer(RedisCommands redis, double percent) {
        this.redis = redis;
        this.share = percent / 100;
    }

    /** After a page whose round trip took {@code nanos}: how long to wait before the next one. */
    public Duration after(long nanos) throws RedisFailure {
        roundTripNanos += nanos;
        if (++pages % CALIBRATE_EVERY == 0 || lastUsec < 0) {
            long usec = usec(InfoParser.parse(redis.info(List.of("cpu"))));
            if (lastUsec >= 0 && roundTripNanos > 0) {
                redisShareOfRoundTrip = Math.min(1, Math.max(0.01, (usec - lastUsec) * 1000.0 / roundTripNanos));
            }
            lastUsec = usec;
            roundTripNanos = 0;
        }
        double redisNanos = nanos * redisShareOfRoundTrip;
        return Duration.ofNanos(Math.max(0, (long) (redisNanos / share - nanos)));
    }

    /** The share of a round trip that was Redis's own time, as last measured (1 until then). */
    public double redisShareOfRoundTrip() {
        return redisShareOfRoundTrip;
    }

    // Redis's process CPU (the main thread and its helpers), in microseconds.
    private static long usec(InfoSnapshot cpu) {
        return (long) (1e6 * (cpu.number("used_cpu_sys").orElse(0) + cpu.number("used_cpu_user").orElse(0)));
    }
}
