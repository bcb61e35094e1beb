package io.github.redissidecar.health;

import io.github.redissidecar.config.SidecarConfig;
import io.github.redissidecar.poll.SnapshotHolder;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Live while the poll loop keeps attempting polls, whatever their outcome: a restart of the sidecar cannot fix a
 * Redis that is down, but it can fix a wedged poll loop.
 */
@Liveness
@ApplicationScoped
public class SidecarLiveness implements HealthCheck {

    private final SnapshotHolder holder;
    private final long stallNanos;

    SidecarLiveness(SnapshotHolder holder, SidecarConfig config) {
        this.holder = holder;
        Duration stall = config.poll().interval().multipliedBy(5).plus(config.redis().commandTimeout())
                .plus(config.redis().connectTimeout()).plusSeconds(10);
        this.stallNanos = stall.toNanos();
    }

    @Override
    public HealthCheckResponse call() {
        long sinceLastAttempt = System.nanoTime() - holder.lastAttemptNanos();
        return HealthCheckResponse.named("poll-loop").status(sinceLastAttempt < stallNanos)
                .withData("millisSinceLastPoll", sinceLastAttempt / 1_000_000).build();
    }
}
