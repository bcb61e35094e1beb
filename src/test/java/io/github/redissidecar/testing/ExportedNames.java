package io.github.redissidecar.testing;

import io.github.redissidecar.host.HostFacts;
import io.github.redissidecar.metrics.MetricFamily;
import io.github.redissidecar.settings.ConfLines;
import io.github.redissidecar.settings.DesiredSettings;
import io.github.redissidecar.settings.EnforceMode;
import io.github.redissidecar.settings.EnforcementState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/** Every metric family the sidecar can export, for tests of what reads them (dashboard, alert rules). */
public final class ExportedNames {

    private ExportedNames() {
    }

    /** Names on the golden /metrics page (master and replica fixtures) plus the state-dependent series. */
    public static Set<String> all() throws Exception {
        Set<String> names = new HashSet<>();
        for (String line : Files.readAllLines(Path.of("src/test/resources/metrics/expected.prom"))) {
            if (line.startsWith("# TYPE ")) {
                names.add(line.split(" ")[2]);
            }
        }
        EnforcementState state = new EnforcementState(EnforceMode.ENFORCE, DesiredSettings.of(
                ConfLines.parse("maxmemory 1mb", "test"), OptionalLong.empty()));
        state.applied("maxmemory", "0", "1048576", io.github.redissidecar.settings.Trigger.STARTUP,
                java.time.Instant.now());
        state.failed("maxmemory", "rejected", java.time.Instant.now());
        state.restartPending(0);
        state.allInPlace(1);
        io.github.redissidecar.metrics.EnforcementSeries.of(state, java.util.Optional.empty()).stream().map(MetricFamily::name).forEach(names::add);
        io.github.redissidecar.metrics.HostSeries.of(HostFacts.parse("0", "[always] never"), "h").stream().map(MetricFamily::name).forEach(names::add);
        java.util.List<io.github.redissidecar.keys.KeyGroupEstimate> estimates = List.of(
                new io.github.redissidecar.keys.KeyGroupEstimate(0, "a:*", 1, 1, 1, 1, 1, 1));
        io.github.redissidecar.metrics.KeyGroupSeries.of(new io.github.redissidecar.keys.SamplerState(10), estimates,
                java.util.Optional.of("allkeys-lru")).stream().map(MetricFamily::name).forEach(names::add);
        io.github.redissidecar.metrics.MetricsPage.containerUsage(OptionalLong.of(1)).stream().map(MetricFamily::name)
                .forEach(names::add);
        // Micrometer's, as the Prometheus registry names them.
        names.addAll(List.of("redis_sidecar_poll_duration_seconds", "redis_sidecar_poll_duration_seconds_max",
                "redis_sidecar_poll_errors_total", "redis_sidecar_restarts_detected_total",
                "redis_sidecar_config_reasserts_total", "redis_sidecar_config_reassert_failures_total",
                "redis_sidecar_poll_failing", "redis_sidecar_info"));
        return names;
    }
}
