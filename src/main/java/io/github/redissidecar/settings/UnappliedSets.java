package io.github.redissidecar.settings;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * CONFIG SETs that Redis answered OK but did not apply: CONFIG GET right after still reports another value (a proxy
 * or a fake server that accepts CONFIG SET and ignores it). Setting it again at once would repeat at every poll, a
 * few thousand rounds a second; instead the parameter is held back, 1 s after the first such set, doubling to 5 min,
 * until Redis reports the desired value. Times are {@link System#nanoTime()} values, passed in.
 */
public final class UnappliedSets {

    public static final Duration FIRST_DELAY = Duration.ofSeconds(1);
    public static final Duration MAX_DELAY = Duration.ofMinutes(5);

    private record Hold(long untilNanos, Duration delay) {
    }

    private final Map<String, Hold> holds = new HashMap<>();

    /** A set of {@code parameter} answered OK and did not stick: held back; the delay before the next try. */
    public synchronized Duration notApplied(String parameter, long nowNanos) {
        Hold earlier = holds.get(parameter);
        Duration delay = earlier == null ? FIRST_DELAY : min(earlier.delay().multipliedBy(2), MAX_DELAY);
        holds.put(parameter, new Hold(nowNanos + delay.toNanos(), delay));
        return delay;
    }

    /** {@code parameter} has its desired value, or a new one is desired: no longer held back. */
    public synchronized void clear(String parameter) {
        holds.remove(parameter);
    }

    /** Whether {@code parameter}'s last set did not stick (held back now or due for another try). */
    public synchronized boolean tried(String parameter) {
        return holds.containsKey(parameter);
    }

    /** The parameters whose next try is not due at {@code nowNanos}. */
    public synchronized Set<String> heldBack(long nowNanos) {
        return holds.entrySet().stream().filter(e -> nowNanos - e.getValue().untilNanos() < 0)
                .map(Map.Entry::getKey).collect(Collectors.toUnmodifiableSet());
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
