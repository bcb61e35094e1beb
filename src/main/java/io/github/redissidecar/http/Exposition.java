package io.github.redissidecar.http;

import io.github.redissidecar.config.Version;
import io.github.redissidecar.connection.VertxRedisCommands;
import io.github.redissidecar.container.ContainerLimitSetting;
import io.github.redissidecar.container.EcsTask;
import io.github.redissidecar.enforce.ConfiguredSettings;
import io.github.redissidecar.host.HostChecks;
import io.github.redissidecar.keys.KeySampler;
import io.github.redissidecar.metrics.EnforcementSeries;
import io.github.redissidecar.metrics.HostSeries;
import io.github.redissidecar.metrics.KeyGroupSeries;
import io.github.redissidecar.metrics.MetricFamily;
import io.github.redissidecar.metrics.MetricsPage;
import io.github.redissidecar.metrics.PrometheusText;
import io.github.redissidecar.metrics.Sample;
import io.github.redissidecar.poll.PollResult;
import io.github.redissidecar.redis.FailureReason;
import io.github.redissidecar.settings.EnforcementState;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * /metrics, assembled in one place: the families one poll determines (rendered once per poll), the sidecar's info,
 * settings and host series, then the Micrometer registry's scrape of the sidecar's own meters and of the JVM and
 * process. The redis_* families are written by hand ({@link PrometheusText}) because the client Quarkus 3.34 uses
 * (simpleclient 0.16) cannot expose a counter without {@code _total} (redis_exporter's
 * {@code redis_total_error_replies}, {@code redis_unexpected_error_replies} ...), and byte-for-byte parity with
 * redis_exporter needs its Go-style numbers and label order. Nothing here talks to Redis: the poll to render is
 * given.
 */
@ApplicationScoped
public class Exposition {

    private static final long REUSE_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final List<String> REASONS = Arrays.stream(FailureReason.values()).map(FailureReason::label)
            .toList();

    private final EnforcementState enforcement;
    private final HostChecks host;
    private final ContainerLimitSetting containerLimit;
    private final PrometheusMeterRegistry registry;
    private final MetricFamily info;
    private final KeySampler sampler;
    private final EcsTask ecs;
    private volatile Rendered rendered = new Rendered(null, "");
    private volatile Page page = new Page(null, 0, new byte[0]);

    Exposition(ConfiguredSettings settings, HostChecks host, ContainerLimitSetting limit,
            PrometheusMeterRegistry registry, VertxRedisCommands redis, KeySampler sampler, EcsTask ecs) {
        this.enforcement = settings.state();
        this.host = host;
        this.containerLimit = limit;
        this.registry = registry;
        this.sampler = sampler;
        this.ecs = ecs;
        // Redis's own address, for alert texts and runbook commands: the scrape target is the sidecar's port.
        this.info = MetricFamily.gauge("redis_sidecar_info", "The Redis this sidecar watches (address without "
                + "credentials) and the sidecar's version; value 1.", Sample.of(1, "redis_address",
                redis.address().toString(), "version", Version.number()));
    }

    /**
     * The page for {@code poll}. Micrometer's scrape reads MXBeans and /proc for the JVM and process gauges (about
     * 0.5 ms, 1.5 ms with the image's C1-only JIT), so a page is reused for up to a second while it shows the same
     * poll, if {@code reusable}: a scrape storm costs one render a second, and a new poll is rendered at once. A
     * scrape served late is not: its page counts it.
     */
    public byte[] page(PollResult poll, boolean reusable) {
        Page last = page;
        long now = System.nanoTime();
        if (reusable && last.poll() == poll && now - last.renderedNanos() < REUSE_NANOS) {
            return last.bytes();
        }
        byte[] bytes = text(poll).getBytes(StandardCharsets.UTF_8);
        page = new Page(poll, now, bytes);
        return bytes;
    }

    private String text(PollResult poll) {
        List<MetricFamily> own = new ArrayList<>(EnforcementSeries.of(enforcement, poll.snapshot()));
        own.addAll(HostSeries.of(host.facts(), host.host()));
        own.add(info);
        own.addAll(MetricsPage.containerUsage(ecs.redisMemoryUsed()));
        own.addAll(KeyGroupSeries.of(sampler.state(), sampler.estimates(poll.snapshot()),
                poll.snapshot().flatMap(i -> i.text("maxmemory_policy"))));
        return polled(poll) + PrometheusText.write(own) + registry.scrape();
    }

    private String polled(PollResult poll) {
        Rendered last = rendered;
        if (last.poll() == poll) {
            return last.text();
        }
        String text = PrometheusText.write(MetricsPage.families(poll.snapshot(), poll.polledAtEpochMillis(),
                poll.databases(), containerLimit.bytes(), poll.lastSuccessEpochMillis(),
                poll.failure().map(f -> f.reason().label()), REASONS));
        rendered = new Rendered(poll, text);
        return text;
    }

    private record Rendered(PollResult poll, String text) {
    }

    private record Page(PollResult poll, long renderedNanos, byte[] bytes) {
    }
}
