package io.github.redissidecar.poll;

import io.github.redissidecar.info.InfoSnapshot;
import io.github.redissidecar.redis.FailureReason;
import io.github.redissidecar.redis.RedisFailure;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.OptionalLong;

/** Holds the last poll's result; scrapes, /status and health checks read it and never talk to Redis. */
@ApplicationScoped
public class SnapshotHolder {

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

    void success(InfoSnapshot snapshot, int databases, long nowEpochMillis, long commandsReadAtEpochMillis) {
        current = new PollResult(Optional.of(snapshot), Optional.empty(), OptionalLong.of(nowEpochMillis),
                nowEpochMillis, databases, commandsReadAtEpochMillis);
        lastAttemptNanos = System.nanoTime();
    }

    void failure(RedisFailure failure) {
        current = new PollResult(Optional.empty(), Optional.of(failure), current.lastSuccessEpochMillis(), 0, 0, 0);
        lastAttemptNanos = System.nanoTime();
    }
}
