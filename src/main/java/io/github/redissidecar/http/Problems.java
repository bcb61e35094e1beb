package io.github.redissidecar.http;

import io.github.redissidecar.enforce.BlockedMessage;
import io.github.redissidecar.info.InfoSnapshot;
import io.github.redissidecar.memory.MemoryLimits;
import io.github.redissidecar.poll.PollResult;
import io.github.redissidecar.settings.EnforcementState;
import io.github.redissidecar.settings.ParameterStatus;
import io.github.redissidecar.settings.SafetyPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** What is wrong, in sentences an operator can act on, for /status: each says what, why it matters, and the fix. */
final class Problems {

    private Problems() {
    }

    static List<String> of(PollResult poll, OptionalLong containerLimit, EnforcementState enforcement,
            SafetyPolicy policy) {
        List<String> out = new ArrayList<>();
        poll.failure().ifPresent(f -> out.add("Redis cannot be polled (" + f.reason().label() + "): "
                + f.getMessage() + ". Fix: " + f.reason().fix() + "."));
        poll.snapshot().ifPresent(info -> unbounded(info, containerLimit).ifPresent(out::add));
        if (!enforcement.available()) {
            out.add("Settings cannot be enforced: " + enforcement.unavailableReason().orElse("?") + ". Fix: grant "
                    + "+config|get +config|set to the sidecar's ACL user and do not rename CONFIG, or set "
                    + "SIDECAR_ENFORCE=report.");
        }
        for (ParameterStatus status : enforcement.parameters(poll.snapshot())) {
            if (status.drift() && status.blockedReason().isPresent()) {
                out.add(BlockedMessage.of(status.desired(), status.actual().orElse(""), status.blockedReason()
                        .get(), poll.snapshot(), policy) + ".");
            }
        }
        return out;
    }

    private static Optional<String> unbounded(InfoSnapshot info, OptionalLong containerLimit) {
        long maxmemory = (long) info.number("maxmemory").orElse(0);
        MemoryLimits limits = new MemoryLimits(maxmemory, containerLimit);
        if (!limits.unbounded().orElse(false)) {
            return Optional.empty();
        }
        String what = maxmemory == 0 ? "Redis has no memory limit (maxmemory 0)"
                : "Redis's maxmemory " + maxmemory + " is above its container's limit";
        return Optional.of(what + " in a container limited to " + containerLimit.getAsLong() + " bytes: it "
                + "grows until the kernel OOM-kills it, and everything in memory is lost. Fix: declare maxmemory "
                + "(e.g. maxmemory 35%) and a maxmemory-policy in SIDECAR_SETTINGS; if it is declared, see why it "
                + "is not applied below.");
    }
}
