package io.github.redissidecar.http;

import io.github.redissidecar.enforce.ConfiguredSettings;
import io.github.redissidecar.host.HostChecks;
import io.github.redissidecar.metrics.MetricFamily;
import io.github.redissidecar.metrics.PrometheusText;
import io.github.redissidecar.poll.PollResult;
import io.github.redissidecar.poll.Poller;
import io.github.redissidecar.poll.SnapshotHolder;
import io.github.redissidecar.settings.EnforcementState;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * Prometheus scrape endpoint on redis_exporter's path. Serves the last poll (rendered at poll time) followed by
 * the sidecar's own series; it never talks to Redis, so it answers at once even when Redis is frozen.
 */
@ApplicationScoped
public class MetricsEndpoint {

    private final SnapshotHolder holder;
    private final EnforcementState enforcement;
    private final HostChecks host;
    private final Poller poller;

    MetricsEndpoint(SnapshotHolder holder, ConfiguredSettings settings, HostChecks host, Poller poller) {
        this.holder = holder;
        this.host = host;
        this.enforcement = settings.state();
        this.poller = poller;
    }

    public String text() {
        PollResult poll = holder.current();
        List<MetricFamily> own = new ArrayList<>(enforcement.families(poll.snapshot()));
        own.addAll(poller.stats().families());
        return poll.page() + PrometheusText.write(own) + host.page();
    }
}
