package io.github.redissidecar.http;

import io.github.redissidecar.enforce.ConfiguredSettings;
import io.github.redissidecar.info.InfoSnapshot;
import io.github.redissidecar.memory.ContainerLimitSetting;
import io.github.redissidecar.memory.MemoryLimits;
import io.github.redissidecar.poll.PollResult;
import io.github.redissidecar.poll.Poller;
import io.github.redissidecar.poll.SnapshotHolder;
import io.github.redissidecar.redis.RedisLink;
import io.github.redissidecar.settings.EnforceMode;
import io.github.redissidecar.settings.EnforcementState;
import io.github.redissidecar.settings.ParameterStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * {@code GET /status}: what the sidecar sees and does, as JSON (schema in README.md). Built from the last poll and
 * the settings state; it never talks to Redis.
 */
@ApplicationScoped
public class StatusEndpoint {

    private final SnapshotHolder holder;
    private final RedisLink link;
    private final ContainerLimitSetting containerLimit;
    private final EnforcementState enforcement;
    private final Poller poller;

    StatusEndpoint(SnapshotHolder holder, RedisLink link, ContainerLimitSetting containerLimit,
            ConfiguredSettings settings, Poller poller) {
        this.holder = holder;
        this.link = link;
        this.containerLimit = containerLimit;
        this.enforcement = settings.state();
        this.poller = poller;
    }

    public String json() {
        PollResult poll = holder.current();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("redis", redis(poll));
        out.put("memory", memory(poll.snapshot()));
        out.put("settings", settings(poll.snapshot()));
        out.put("problems", Problems.of(poll, containerLimit.bytes(), enforcement));
        return JsonText.write(out);
    }

    private Map<String, Object> redis(PollResult poll) {
        Map<String, Object> out = new LinkedHashMap<>();
        Optional<InfoSnapshot> info = poll.snapshot();
        out.put("address", link.address().toString());
        out.put("up", poll.up());
        out.put("error", poll.failure().map(Throwable::getMessage));
        out.put("last_successful_poll", iso(poll.lastSuccessEpochSeconds()));
        out.put("version", info.flatMap(s -> s.text("redis_version")));
        out.put("run_id", info.flatMap(s -> s.text("run_id")));
        out.put("uptime_seconds", number(info, "uptime_in_seconds"));
        out.put("config_file", info.flatMap(s -> s.text("config_file")));
        out.put("restarts_detected", poller.stats().restarts());
        return out;
    }

    private Map<String, Object> memory(Optional<InfoSnapshot> info) {
        Map<String, Object> out = new LinkedHashMap<>();
        long maxmemory = number(info, "maxmemory").orElse(0L);
        long used = number(info, "used_memory").orElse(-1L);
        MemoryLimits limits = new MemoryLimits(maxmemory, containerLimit.bytes());
        out.put("container_limit_bytes", containerLimit.bytes());
        out.put("maxmemory_bytes", info.isPresent() ? maxmemory : null);
        out.put("maxmemory_policy", info.flatMap(s -> s.text("maxmemory_policy")));
        out.put("effective_limit_bytes", limits.effective());
        out.put("used_memory_bytes", used >= 0 ? used : null);
        out.put("usage_ratio", used >= 0 ? limits.usageRatio(used) : null);
        out.put("unbounded", info.isPresent() ? limits.unbounded() : null);
        return out;
    }

    private Map<String, Object> settings(Optional<InfoSnapshot> info) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("mode", enforcement.mode().label());
        out.put("available", enforcement.mode() == EnforceMode.ENFORCE && enforcement.available());
        out.put("unavailable_reason", enforcement.unavailableReason());
        out.put("last_reassert", enforcement.lastReassertEpochSeconds().isPresent()
                ? Instant.ofEpochMilli((long) (enforcement.lastReassertEpochSeconds().getAsDouble() * 1000))
                        .toString() : null);
        out.put("last_restart_settings_restored", enforcement.lastRestartRestored());
        out.put("last_restart_unprotected_seconds", enforcement.lastRestartUnprotectedSeconds());
        out.put("parameters", enforcement.parameters(info).stream().map(StatusEndpoint::parameter).toList());
        return out;
    }

    private static Map<String, Object> parameter(ParameterStatus status) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("parameter", status.desired().parameter());
        out.put("desired", status.desired().value());
        out.put("written", status.desired().written());
        out.put("origin", status.desired().origin());
        out.put("actual", status.actual());
        out.put("drift", status.drift());
        out.put("last_action", status.lastAction());
        out.put("blocked_reason", status.drift() ? status.blockedReason() : Optional.empty());
        return out;
    }

    private static Optional<Long> number(Optional<InfoSnapshot> info, String field) {
        return info.map(s -> s.number(field)).filter(OptionalDouble::isPresent).map(n -> (long) n.getAsDouble());
    }

    private static String iso(OptionalLong epochSeconds) {
        return epochSeconds.isPresent() ? Instant.ofEpochSecond(epochSeconds.getAsLong()).toString() : null;
    }
}
