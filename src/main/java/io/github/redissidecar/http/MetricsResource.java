package io.github.redissidecar.http;

import io.github.redissidecar.enforce.ConfiguredSettings;
import io.github.redissidecar.host.HostChecks;
import io.github.redissidecar.metrics.PrometheusText;
import io.github.redissidecar.poll.SnapshotHolder;
import io.github.redissidecar.settings.EnforcementState;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

/**
 * Prometheus scrape endpoint on redis_exporter's path. Serves the last poll (rendered at poll time) followed by
 * the sidecar's own meters; it never talks to Redis, so it answers at once even when Redis is frozen.
 */
@Path("/metrics")
public class MetricsResource {

    private final SnapshotHolder holder;
    private final EnforcementState enforcement;
    private final HostChecks host;
    private final PrometheusMeterRegistry registry;

    MetricsResource(SnapshotHolder holder, ConfiguredSettings settings, HostChecks host,
            PrometheusMeterRegistry registry) {
        this.holder = holder;
        this.host = host;
        this.enforcement = settings.state();
        this.registry = registry;
    }

    @GET
    @Produces(PrometheusText.CONTENT_TYPE)
    public String metrics() {
        return holder.current().page() + PrometheusText.write(enforcement.families()) + host.page()
                + registry.scrape();
    }
}
