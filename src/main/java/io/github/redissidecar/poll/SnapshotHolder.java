package io.github.redissidecar.poll;

import io.github.redissidecar.info.InfoSnapshot;
import io.github.redissidecar.memory.ContainerLimitSetting;
import io.github.redissidecar.metrics.MetricsPage;
import io.github.redissidecar.redis.FailureReason;
import io.github.redissidecar.redis.RedisFailure;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.OptionalLong;

/** Holds the last poll's result; scrapes and health checks read it and never talk to Redis. */
@ApplicationScoped
public class SnapshotHolder {

    private final ContainerLimitSetting containerLimit;
    private volatile PollResult current;
    private volatile long lastAttemptNanos = System.nanoTime();

    SnapshotHolder(ContainerLimitSetting containerLimit) {
        this.containerLimit = containerLimit;
        this.current = failed(new RedisFailure(FailureReason.CONNECT, "no poll yet"), OptionalLong.empty());
    }

    public PollResult current() {
        return current;
    }

    /** {@link System#nanoTime()} of the last poll attempt, for liveness. */
    public long lastAttemptNanos() {
        return lastAttemptNanos;
    }

    void success(InfoSnapshot snapshot, int databases, long nowEpochSeconds) {
        OptionalLong now = OptionalLong.of(nowEpochSeconds);
        String page = MetricsPage.render(Optional.of(snapshot), nowEpochSeconds, databases, containerLimit.bytes(),
                now);
        current = new PollResult(Optional.of(snapshot), Optional.empty(), now, page);
        lastAttemptNanos = System.nanoTime();
    }

    void failure(RedisFailure failure) {
        current = failed(failure, current.lastSuccessEpochSeconds());
        lastAttemptNanos = System.nanoTime();
    }

    private PollResult failed(RedisFailure failure, OptionalLong lastSuccess) {
        String page = MetricsPage.render(Optional.empty(), 0, 0, containerLimit.bytes(), lastSuccess);
        return new PollResult(Optional.empty(), Optional.of(failure), lastSuccess, page);
    }
}
