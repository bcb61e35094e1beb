package io.github.redissidecar.http;

import io.github.redissidecar.config.SidecarConfig;
import io.github.redissidecar.connection.VertxRedisCommands;
import io.github.redissidecar.container.ContainerLimitSetting;
import io.github.redissidecar.enforce.ConfiguredSettings;
import io.github.redissidecar.info.InfoSnapshot;
import io.github.redissidecar.info.ServerIdentity;
import io.github.redissidecar.keys.ExactScan;
import io.github.redissidecar.keys.ExactScanRunner;
import io.github.redissidecar.keys.KeyGroupEstimate;
import io.github.redissidecar.keys.KeyGroupWords;
import io.github.redissidecar.keys.KeySampler;
import io.github.redissidecar.keys.MemoryDoctor;
import io.github.redissidecar.keys.SamplerState;
import io.github.redissidecar.keys.ScanReport;
import io.github.redissidecar.memory.MemoryLimits;
import io.github.redissidecar.memory.ReplicationMemory;
import io.github.redissidecar.meters.SidecarMeters;
import io.github.redissidecar.poll.PollResult;
import io.github.redissidecar.settings.EnforceMode;
import io.github.redissidecar.settings.EnforcementState;
import io.github.redissidecar.settings.ParameterStatus;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/** {@code GET /status}: a poll as fresh as a scrape gets ({@link FreshPoll}), the settings state, the key groups. */
@Path("/status")
public class StatusResource {

    /** Groups listed on /status: the largest, whatever SIDECAR_KEYS_TOP exports. */
    private static final int TOP_IN_STATUS = 10;

    private final FreshPoll fresh;
    private final VertxRedisCommands redis;
    private final ContainerLimitSetting containerLimit;
    private final EnforcementState enforcement;
    private final SidecarMeters meters;
    private final long floorSeconds;
    private final KeySampler sampler;
    private final ExactScanRunner scans;

    StatusResource(FreshPoll fresh, VertxRedisCommands redis, ContainerLimitSetting containerLimit,
            ConfiguredSettings settings, SidecarMeters meters, SidecarConfig config, KeySampler sampler,
            ExactScanRunner scans) {
        this.sampler = sampler;
        this.scans = scans;
        this.fresh = fresh;
        this.redis = redis;
        this.containerLimit = containerLimit;
        this.enforcement = settings.state();
        this.meters = meters;
        this.floorSeconds = config.poll().interval().toSeconds();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<StatusDocument> status() {
        return fresh.within(null).map(served -> document(served.poll()));
    }

    private StatusDocument document(PollResult poll) {
        return new StatusDocument(redis(poll), memory(poll.snapshot()), polling(poll), settings(poll.snapshot()),
                keyGroups(poll), problems(poll));
    }

    // The memory doctor's advice follows the other problems: it explains memory, the others stop the sidecar.
    private List<String> problems(PollResult poll) {
        List<String> out = new ArrayList<>(Problems.of(poll, containerLimit.bytes(), enforcement));
        poll.snapshot().flatMap(i -> i.text("maxmemory_policy")).ifPresent(policy -> MemoryDoctor.examine(policy,
                sampler.estimates(poll.snapshot()), sampler.state().known()).forEach(f -> out.add(f.advice())));
        return out;
    }

    private StatusDocument.KeyGroups keyGroups(PollResult poll) {
        SamplerState state = sampler.state();
        List<KeyGroupEstimate> estimates = sampler.estimates(poll.snapshot());
        double total = estimates.stream().mapToDouble(KeyGroupEstimate::bytes).sum();
        String running = state.offReason().map(r -> "off: " + r)
                .orElse(state.pausedReason().map(r -> "paused: " + r).orElse(state.warmingUp()
                        ? "warming up: filling every database's window" : "sampling"));
        Optional<ScanReport> scan = scans.current().map(ExactScan::report);
        return new StatusDocument.KeyGroups(running, state.taken(), state.windowSize(),
                state.lastError().orElse(null), estimates.stream().limit(TOP_IN_STATUS)
                        .map(e -> KeyGroupWords.of(e, total)).toList(), scan.map(ScanReport::summary).orElse(null),
                scan.map(r -> r.top(TOP_IN_STATUS)).orElse(null));
    }

    private StatusDocument.Polling polling(PollResult poll) {
        return new StatusDocument.Polling(floorSeconds, poll.up()
                ? (System.currentTimeMillis() - poll.polledAtEpochMillis()) / 1000.0 : null, meters.staleScrapes());
    }

    private StatusDocument.Redis redis(PollResult poll) {
        Optional<InfoSnapshot> info = poll.snapshot();
        Optional<ServerIdentity> server = info.map(ServerIdentity::of);
        return new StatusDocument.Redis(redis.address().toString(), poll.up(),
                poll.failure().map(Throwable::getMessage).orElse(null), iso(poll.lastSuccessEpochMillis()),
                server.map(ServerIdentity::name).orElse(null), server.map(ServerIdentity::version).orElse(null),
                server.map(ServerIdentity::mode).orElse(null), server.map(ServerIdentity::role).orElse(null),
                text(info, "run_id"), number(info, "uptime_in_seconds").orElse(null),
                text(info, "config_file"), meters.restarts());
    }

    private StatusDocument.Memory memory(Optional<InfoSnapshot> info) {
        long maxmemory = number(info, "maxmemory").orElse(0L);
        Optional<Long> used = number(info, "used_memory");
        MemoryLimits limits = new MemoryLimits(maxmemory, containerLimit.bytes());
        Optional<ReplicationMemory> replication = info.map(Problems::replication);
        return new StatusDocument.Memory(boxed(containerLimit.bytes()), info.isPresent() ? maxmemory : null,
                text(info, "maxmemory_policy"), boxed(limits.effective()), used.orElse(null),
                used.map(u -> boxed(limits.usageRatio(u))).orElse(null),
                info.isPresent() ? limits.unbounded().orElse(null) : null,
                replication.map(ReplicationMemory::replicationBytes).orElse(null),
                replication.map(ReplicationMemory::notCountedBytes).orElse(null));
    }

    private StatusDocument.Settings settings(Optional<InfoSnapshot> info) {
        OptionalDouble lastReassert = enforcement.lastReassertEpochSeconds();
        return new StatusDocument.Settings(enforcement.mode().label(),
                enforcement.mode() == EnforceMode.ENFORCE && enforcement.available(),
                enforcement.unavailableReason().orElse(null),
                lastReassert.isPresent() ? Instant.ofEpochMilli((long) (lastReassert.getAsDouble() * 1000)).toString()
                        : null,
                enforcement.lastRestartRestored().orElse(null), boxed(enforcement.lastRestartUnprotectedSeconds()),
                enforcement.parameters(info).stream().map(StatusResource::parameter).toList());
    }

    private static StatusDocument.Parameter parameter(ParameterStatus status) {
        return new StatusDocument.Parameter(status.desired().parameter(), status.desired().value(),
                status.desired().written(), status.desired().origin(), status.actual().orElse(null), status.drift(),
                status.lastAction().orElse(null), status.drift() ? status.blockedReason().orElse(null) : null);
    }

    private static String text(Optional<InfoSnapshot> info, String field) {
        return info.flatMap(s -> s.text(field)).orElse(null);
    }

    private static Optional<Long> number(Optional<InfoSnapshot> info, String field) {
        return info.map(s -> s.number(field)).filter(OptionalDouble::isPresent).map(n -> (long) n.getAsDouble());
    }

    private static Long boxed(OptionalLong value) {
        return value.isPresent() ? value.getAsLong() : null;
    }

    private static Double boxed(OptionalDouble value) {
        return value.isPresent() ? value.getAsDouble() : null;
    }

    private static String iso(OptionalLong epochMillis) {
        return epochMillis.isPresent() ? Instant.ofEpochMilli(epochMillis.getAsLong()).toString() : null;
    }
}
