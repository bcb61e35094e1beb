package io.github.redissidecar.health;

import io.github.redissidecar.config.SidecarConfig;
import io.github.redissidecar.poll.PollResult;
import io.github.redissidecar.poll.SnapshotHolder;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The liveness and readiness answers, in the MicroProfile Health JSON shape that probes and dashboards expect.
 *
 * <p>Live while the poll loop keeps attempting polls, whatever their outcome: a restart of the sidecar cannot fix
 * a Redis that is down, but it can fix a wedged poll loop. Ready as soon as the sidecar serves /metrics, whether
 * Redis is up or not: the sidecar shares a pod with Redis, and a pod is Ready only when every container is; tying
 * this to Redis would pull the pod out of its Service while Redis restarts, on top of Redis's own probe, and hide
 * redis_up 0 from nobody. Redis's state is reported as data.
 */
@ApplicationScoped
public class HealthChecks {

    /** One check's outcome. */
    public record Check(String name, boolean up, Map<String, Object> data) {
    }

    private final SnapshotHolder holder;
    private final long stallNanos;

    HealthChecks(SnapshotHolder holder, SidecarConfig config) {
        this.holder = holder;
        Duration stall = config.poll().interval().multipliedBy(5).plus(config.redis().commandTimeout())
                .plus(config.redis().connectTimeout()).plusSeconds(10);
        this.stallNanos = stall.toNanos();
    }

    public List<Check> liveness() {
        long sinceLastAttempt = System.nanoTime() - holder.lastAttemptNanos();
        return List.of(new Check("poll-loop", sinceLastAttempt < stallNanos,
                Map.of("millisSinceLastPoll", sinceLastAttempt / 1_000_000)));
    }

    public List<Check> readiness() {
        PollResult result = holder.current();
        return List.of(new Check("metrics-endpoint", true, Map.of("redisUp", result.up(),
                "lastFailure", result.failure().map(f -> f.reason().label()).orElse("none"))));
    }
}
