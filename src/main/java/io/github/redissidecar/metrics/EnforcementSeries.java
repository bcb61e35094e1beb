package io.github.redissidecar.metrics;

import io.github.redissidecar.info.InfoSnapshot;
import io.github.redissidecar.settings.EnforceMode;
import io.github.redissidecar.settings.EnforcementState;
import io.github.redissidecar.settings.ParameterStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code redis_sidecar_*} series of the settings state, for the poll being served: drift of maxmemory and
 * maxmemory-policy comes from that poll's INFO, so it never contradicts {@code redis_config_maxmemory}. Only the
 * mode when enforcement is off. (The counters of what was set are Micrometer meters: {@link SidecarMeters}.)
 */
public final class EnforcementSeries {

    private EnforcementSeries() {
    }

    public static List<MetricFamily> of(EnforcementState state, Optional<InfoSnapshot> info) {
        List<MetricFamily> out = new ArrayList<>();
        out.add(MetricFamily.gauge("redis_sidecar_enforcement_mode", "The configured SIDECAR_ENFORCE mode as a "
                + "label; value 1.", Sample.of(1, "mode", state.mode().label())));
        out.add(MetricFamily.gauge("redis_sidecar_settings_refused", "1 while the settings file or the container "
                + "memory limit file, as they read now, are refused (the last good settings stay in force; the log "
                + "and /status say why), 0 otherwise.", Sample.of(state.refusal().isPresent() ? 1 : 0)));
        if (state.mode() == EnforceMode.OFF) {
            return out;
        }
        List<ParameterStatus> statuses = state.parameters(info);
        out.add(new MetricFamily("redis_sidecar_config_drift", "1 when the parameter's value in Redis differs from "
                + "the desired one, as of the latest poll (maxmemory, maxmemory-policy) or check (others).",
                MetricType.GAUGE, statuses.stream().map(s -> Sample.of(s.drift() ? 1 : 0, "parameter",
                        s.desired().parameter())).toList()));
        out.add(new MetricFamily("redis_sidecar_enforcement_blocked", "1 while a differing parameter is "
                + "deliberately not set because setting it could lose data or is not possible.", MetricType.GAUGE,
                statuses.stream().filter(s -> s.drift() && s.blockedReason().isPresent())
                        .map(s -> Sample.of(1, "parameter", s.desired().parameter(), "reason",
                                s.blockedReason().get())).toList()));
        out.add(MetricFamily.gauge("redis_sidecar_enforcement_available", "1 when the sidecar may set parameters "
                + "(mode enforce and CONFIG SET permitted), 0 when it can only report.",
                Sample.of(state.mode() == EnforceMode.ENFORCE && state.available() ? 1 : 0)));
        state.lastReassertEpochSeconds().ifPresent(t -> out.add(MetricFamily.gauge(
                "redis_sidecar_last_reassert_timestamp_seconds", "Unix time a parameter was last set back.",
                Sample.of(t))));
        state.lastRestartRestored().ifPresent(back -> out.add(MetricFamily.gauge(
                "redis_sidecar_last_restart_settings_restored", "1 when every desired setting is back since Redis "
                        + "last came back without them (a restart, or a Redis started with the sidecar), 0 while "
                        + "some are not.", Sample.of(back ? 1 : 0))));
        state.lastRestartUnprotectedSeconds().ifPresent(s -> out.add(MetricFamily.gauge(
                "redis_sidecar_last_restart_unprotected_seconds", "After Redis last came back without its settings: "
                        + "seconds until every desired setting was back. Absent while they are not all back.",
                Sample.of(s))));
        return out;
    }
}
