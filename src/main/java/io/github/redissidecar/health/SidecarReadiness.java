package io.github.redissidecar.health;

import io.github.redissidecar.poll.PollResult;
import io.github.redissidecar.poll.SnapshotHolder;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready as soon as the sidecar serves /metrics, whether Redis is up or not: the sidecar shares a pod with Redis,
 * and a pod is Ready only when every container is; tying this to Redis would pull the pod out of its Service while
 * Redis restarts, on top of Redis's own probe, and hide {@code redis_up 0} from nobody. Redis's state is data.
 */
@Readiness
@ApplicationScoped
public class SidecarReadiness implements HealthCheck {

    private final SnapshotHolder holder;

    SidecarReadiness(SnapshotHolder holder) {
        this.holder = holder;
    }

    @Override
    public HealthCheckResponse call() {
        PollResult result = holder.current();
        return HealthCheckResponse.named("metrics-endpoint").up().withData("redisUp", result.up())
                .withData("lastFailure", result.failure().map(f -> f.reason().label()).orElse("none")).build();
    }
}
