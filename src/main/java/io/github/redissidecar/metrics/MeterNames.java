package io.github.redissidecar.metrics;

import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Keeps the sidecar's own exposition clean for {@code promtool check metrics}: Micrometer's
 * {@code process.cpu.time} is exported as {@code process_cpu_time_ns_total}, a unit in the name that promtool
 * rejects and that {@code process_cpu_usage} already covers.
 */
@Singleton
public class MeterNames {

    @Produces
    @Singleton
    MeterFilter withoutProcessCpuTime() {
        return MeterFilter.denyNameStartsWith("process.cpu.time");
    }
}
