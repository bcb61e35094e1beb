package io.github.redissidecar.metrics;

import io.github.redissidecar.host.HostFacts;
import java.util.ArrayList;
import java.util.List;

/** The host's kernel settings Redis warns about, with a {@code host} label: the same for every Redis on it. */
public final class HostSeries {

    private HostSeries() {
    }

    public static List<MetricFamily> of(HostFacts facts, String host) {
        List<MetricFamily> out = new ArrayList<>();
        facts.overcommitMemory().ifPresent(v -> out.add(MetricFamily.gauge("redis_sidecar_host_overcommit_memory",
                "The host's vm.overcommit_memory (0 heuristic, 1 always, 2 never); Redis wants 1.",
                Sample.of(v, "host", host))));
        facts.hugepageActive().ifPresent(active -> out.add(MetricFamily.gauge(
                "redis_sidecar_host_transparent_hugepage", "The host's transparent hugepage mode: 1 for the active "
                        + "one. Redis wants it not always.", facts.hugepageModes().stream()
                        .map(m -> Sample.of(m.equals(active) ? 1 : 0, "host", host, "mode", m))
                        .toArray(Sample[]::new))));
        return out;
    }
}
