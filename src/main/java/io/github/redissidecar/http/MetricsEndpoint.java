package io.github.redissidecar.http;

import io.github.redissidecar.Version;
import io.github.redissidecar.enforce.ConfiguredSettings;
import io.github.redissidecar.host.HostChecks;
import io.github.redissidecar.metrics.MetricFamily;
import io.github.redissidecar.metrics.PrometheusText;
import io.github.redissidecar.metrics.Sample;
import io.github.redissidecar.poll.PollResult;
import io.github.redissidecar.poll.Poller;
import io.github.redissidecar.poll.SnapshotHolder;
import io.github.redissidecar.redis.RedisLink;
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
    private final String info;

    MetricsEndpoint(SnapshotHolder holder, ConfiguredSettings settings, HostChecks host, Poller poller,
            RedisLink link) {
        this.holder = holder;
        this.host = host;
        this.enforcement = settings.state();
        this.poller = poller;
        // Redis's own address, for alert texts and runbook commands: the scrape target is the sidecar's port.
        this.info = PrometheusText.write(List.of(MetricFamily.gauge("redis_sidecar_info", "The Redis this sidecar "
                + "watches (address without credentials) and the sidecar's version; value 1.",
                Sample.of(1, "redis_address", link.address().toString(), "version", Version.number()))));
    }

    public String text() {
        PollResult poll = holder.current();
        List<MetricFamily> own = new ArrayList<>(enforcement.families(poll.snapshot()));
        own.addAll(poller.stats().families());
        return poll.page() + info + PrometheusText.write(own) + host.page();
    }
}
