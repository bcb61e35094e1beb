package io.github.redissidecar.http;

import io.github.redissidecar.enforce.BlockedMessage;
import io.github.redissidecar.info.InfoSnapshot;
import io.github.redissidecar.keys.KeyspaceCounts;
import io.github.redissidecar.memory.ByteSize;
import io.github.redissidecar.memory.MemoryLimits;
import io.github.redissidecar.memory.PersistedEviction;
import io.github.redissidecar.memory.ReplicationMemory;
import io.github.redissidecar.poll.PollResult;
import io.github.redissidecar.settings.EnforceMode;
import io.github.redissidecar.settings.EnforcementState;
import io.github.redissidecar.settings.ParameterStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/** What is wrong, in sentences an operator can act on, for /status: each says what, why it matters, and the fix. */
final class Problems {

    private Problems() {
    }

    static List<String> of(PollResult poll, OptionalLong containerLimit, EnforcementState enforcement) {
        List<String> out = new ArrayList<>();
        poll.failure().ifPresent(f -> out.add("Redis cannot be polled (" + f.reason().label() + "): "
                + f.getMessage().replaceAll("[.\\s]+$", "") + ". Fix: " + f.reason().fix() + "."));
        List<ParameterStatus> parameters = enforcement.parameters(poll.snapshot());
        poll.snapshot().ifPresent(info -> {
            unbounded(info, containerLimit, enforcement, parameters).ifPresent(out::add);
            uncountedAboveContainer(info, containerLimit).ifPresent(out::add);
            refusingWrites(info).ifPresent(out::add);
            evictsWhatItPersists(info).ifPresent(out::add);
        });
        enforcement.refusal().ifPresent(r -> out.add("A settings change is not applied and the last good settings "
                + "stay in force: " + r.replaceAll("[.\\s]+$", "") + "."));
        if (enforcement.mode() == EnforceMode.ENFORCE && !enforcement.available()) {
            out.add("Settings cannot be enforced: " + enforcement.unavailableReason().orElse("?") + ". Fix: grant "
                    + "+config|get +config|set to the sidecar's ACL user and do not rename CONFIG, or set "
                    + "SIDECAR_ENFORCE=report.");
        }
        for (ParameterStatus status : parameters) {
            if (status.drift() && status.blockedReason().isPresent()) {
                out.add(BlockedMessage.of(status.desired(), status.actual().orElse(""), status.blockedReason()
                        .get(), poll.snapshot()) + ".");
            }
        }
        return out;
    }

    private static Optional<String> unbounded(InfoSnapshot info, OptionalLong containerLimit,
            EnforcementState enforcement, List<ParameterStatus> parameters) {
        long maxmemory = (long) info.number("maxmemory").orElse(0);
        if (!new MemoryLimits(maxmemory, containerLimit).unbounded().orElse(false)) {
            return Optional.empty();
        }
        String what = maxmemory == 0 ? "Redis has no memory limit (maxmemory 0)"
                : "Redis's maxmemory " + ByteSize.human(maxmemory) + " is above its container's limit";
        return Optional.of(what + " in a container limited to " + ByteSize.human(containerLimit.getAsLong())
                + ": it grows until the kernel OOM-kills it, and everything in memory is lost. "
                + why(enforcement, parameters.stream().filter(p -> p.desired().parameter().equals("maxmemory"))
                        .findFirst()));
    }

    private static String why(EnforcementState enforcement, Optional<ParameterStatus> maxmemory) {
        if (maxmemory.isEmpty()) {
            return "Fix: declare maxmemory (e.g. maxmemory 35%) and a maxmemory-policy in SIDECAR_SETTINGS.";
        }
        String declared = "The declared maxmemory " + maxmemory.get().desired().written() + " is not applied: ";
        if (enforcement.mode() != EnforceMode.ENFORCE) {
            return declared + "SIDECAR_ENFORCE is " + enforcement.mode().label() + ". Fix: set it in Redis, or set "
                    + "SIDECAR_ENFORCE=enforce.";
        }
        if (!enforcement.available()) {
            return declared + "CONFIG is refused (see below).";
        }
        return maxmemory.get().blockedReason().isPresent() ? declared + "it is held back (see below)."
                : declared + "it is being put back.";
    }

    /** What Redis holds for replication and outside maxmemory, as this INFO reports it. */
    static ReplicationMemory replication(InfoSnapshot info) {
        OptionalDouble total = info.number("mem_total_replication_buffers");
        return ReplicationMemory.of(total.isPresent() ? OptionalLong.of((long) total.getAsDouble())
                : OptionalLong.empty(), (long) info.number("mem_replication_backlog").orElse(0),
                (long) info.number("mem_clients_slaves").orElse(0),
                (long) info.number("mem_not_counted_for_evict").orElse(0));
    }

    // Redis evicts down to maxmemory not counting replica and AOF buffers: with them it can outgrow its container.
    private static Optional<String> uncountedAboveContainer(InfoSnapshot info, OptionalLong containerLimit) {
        long maxmemory = (long) info.number("maxmemory").orElse(0);
        ReplicationMemory replication = replication(info);
        OptionalLong over = replication.overContainer(maxmemory, containerLimit);
        if (over.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("maxmemory " + ByteSize.human(maxmemory) + " plus the " + ByteSize.human(
                replication.notCountedBytes()) + " of replica output and AOF buffers that Redis does not count "
                + "against it is " + ByteSize.human(over.getAsLong()) + " above the container limit of "
                + ByteSize.human(containerLimit.getAsLong()) + ": Redis can be OOM-killed without ever reaching "
                + "maxmemory. Fix: lower maxmemory by at least that much, or lower client-output-buffer-limit "
                + "replica, or raise the container limit.");
    }

    // AOF on, or RDB snapshots taken since start (Redis 7 counts them): INFO does not show the save schedule.
    private static Optional<String> evictsWhatItPersists(InfoSnapshot info) {
        boolean aof = info.number("aof_enabled").orElse(0) == 1;
        boolean rdb = info.number("rdb_saves").orElse(0) > 0;
        OptionalDouble withoutTtl = KeyspaceCounts.withoutTtlShare(info);
        if (withoutTtl.isEmpty()) {
            return Optional.empty();
        }
        return PersistedEviction.of(info.text("maxmemory_policy").orElse(""), aof || rdb ? Optional.of(rdb && aof
                ? "RDB and AOF" : rdb ? "RDB" : "AOF") : Optional.empty(),
                withoutTtl).map(line -> line + ".");
    }

    // Above maxmemory with a policy that cannot evict: every write is refused until memory is freed.
    private static Optional<String> refusingWrites(InfoSnapshot info) {
        long maxmemory = (long) info.number("maxmemory").orElse(0);
        long used = (long) info.number("used_memory").orElse(0);
        String policy = info.text("maxmemory_policy").orElse("");
        if (maxmemory == 0 || used <= maxmemory || !policy.equals("noeviction")) {
            return Optional.empty();
        }
        return Optional.of("Redis uses " + ByteSize.human(used) + ", above its maxmemory of "
                + ByteSize.human(maxmemory) + ", with maxmemory-policy noeviction: it refuses every write until "
                + "memory is freed. Fix: free memory (UNLINK what is not needed), raise maxmemory, or use an "
                + "allkeys-* policy for a cache.");
    }
}
