package io.github.redissidecar.poll;

import io.github.redissidecar.info.InfoSnapshot;
import io.github.redissidecar.redis.FailureReason;
import io.github.redissidecar.redis.RedisFailure;
import java.util.Optional;
import java.util.OptionalLong;

/** Holds the last poll's result, for scrapes, /status and the health checks. */
public final class SnapshotHolder {

    private volatile PollResult current = new PollResult(Optional.empty(), Optional.of(new RedisFailure(
            FailureReason.CONNECT, "no poll yet")), OptionalLong.empty(), 0, 0, 0);
    private volatile long lastAttemptNanos = System.nanoTime();

    public PollResult current() {
        return current;
    }

    /** {@link System#nanoTime()} of the last poll attempt, for liveness. */
    public long lastAttemptNanos() {
        return lastAttemptNanos;
    }

    void success(InfoSnapshot snapshot, int databases, long polledAtEpochMillis) {
        long now = System.nanoTime();
        current = new PollResult(Optional.of(snapshot), Optional.empty(), OptionalLong.of(polledAtEpochMillis),
                polledAtEpochMillis, databases, now);
        lastAttemptNanos = now;
    }

    void failure(RedisFailure failure) {
        long now = System.nanoTime();
        current = new PollResult(Optional.empty(), Optional.of(failure), current.lastSuccessEpochMillis(), 0, 0, now);
        lastAttemptNanos = now;
    }
}
