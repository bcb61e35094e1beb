package io.github.redissidecar.meters;

import io.github.redissidecar.enforce.EnforcementMeters;
import io.github.redissidecar.poll.PollMeters;
import io.github.redissidecar.redis.FailureReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The sidecar's own meters, in Micrometer: how long polls take, why they fail, the restarts they show, the scrapes
 * served an older poll, and what the settings checks set or failed to set. Exported on /metrics after the redis_*
 * families, as {@code redis_sidecar_poll_duration_seconds}, {@code redis_sidecar_poll_errors_total},
 * {@code redis_sidecar_restarts_detected_total}, {@code redis_sidecar_scrape_stale_total},
 * {@code redis_sidecar_config_reasserts_total} and {@code redis_sidecar_config_reassert_failures_total}.
 */
@ApplicationScoped
public class SidecarMeters implements PollMeters, EnforcementMeters {

    private final MeterRegistry registry;
    private final Timer pollDuration;
    private final Counter restarts;
    private final Map<FailureReason, Counter> pollErrors;
    private final Counter staleScrapes;
    private final LongAdder reasserts = new LongAdder();

    SidecarMeters(MeterRegistry registry) {
        this.registry = registry;
        this.pollDuration = Timer.builder("redis.sidecar.poll.duration")
                .description("Time one poll of Redis took, INFO round trip and parsing included.")
                .serviceLevelObjectives(Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5),
                        Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
                        Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1))
                .register(registry);
        this.restarts = Counter.builder("redis.sidecar.restarts.detected")
                .description("Redis restarts seen (a new run_id, or uptime going backwards), with or without "
                        + "desired settings.")
                .register(registry);
        // Every reason from the start, at 0: a first failure is then an increase, not a new series.
        this.pollErrors = Arrays.stream(FailureReason.values()).collect(Collectors.toMap(Function.identity(),
                reason -> Counter.builder("redis.sidecar.poll.errors").tag("reason", reason.label())
                        .description("Failed polls by reason (connect, auth, timeout, tls, permission, loading, "
                                + "protocol).")
                        .register(registry)));
        this.staleScrapes = Counter.builder("redis.sidecar.scrape.stale")
                .description("Scrapes served the previous poll because the poll they asked for did not finish "
                        + "within SIDECAR_POLL_SCRAPE_WAIT (Redis slow, frozen or just lost).")
                .register(registry);
    }

    /** A scrape was served the last poll: its own did not come back in time. */
    public void scrapeStale() {
        staleScrapes.increment();
    }

    public long staleScrapes() {
        return (long) staleScrapes.count();
    }

    @Override
    public void polled(long nanos) {
        pollDuration.record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void pollFailed(FailureReason reason) {
        pollErrors.get(reason).increment();
    }

    @Override
    public void restarted() {
        restarts.increment();
    }

    public long restarts() {
        return (long) restarts.count();
    }

    @Override
    public void reasserted(String parameter, String trigger) {
        Counter.builder("redis.sidecar.config.reasserts").tag("parameter", parameter).tag("trigger", trigger)
                .description("Parameters set back to the desired value, by trigger (startup, restart, drift).")
                .register(registry).increment();
        reasserts.increment();
    }

    /** Parameters set back since the sidecar started, whatever the parameter and trigger. */
    public long reasserts() {
        return reasserts.sum();
    }

    @Override
    public void reassertFailed(String parameter, String reason) {
        Counter.builder("redis.sidecar.config.reassert.failures").tag("parameter", parameter).tag("reason", reason)
                .description("CONFIG SET attempts that failed, by reason.")
                .register(registry).increment();
    }
}
