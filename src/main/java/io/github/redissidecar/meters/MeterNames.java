package io.github.redissidecar.meters;

import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Keeps the sidecar's own exposition about the sidecar, and clean for {@code promtool check metrics}: Micrometer's
 * {@code process.cpu.time} is exported as {@code process_cpu_time_ns_total}, a unit in the name that promtool
 * rejects and that {@code process_cpu_usage} already covers; {@code system.*} (host CPU usage, load average, CPU
 * count) describes the node, which node_exporter watches, and its CPU usage gauge costs the most of every scrape;
 * {@code jvm.threads.states} asks the JVM for every thread's state six times a scrape (six thread dumps, each a
 * pause of every thread), where {@code jvm_threads_live_threads} says what a sidecar's operator needs.
 */
@Singleton
public class MeterNames {

    @Produces
    @Singleton
    MeterFilter withoutProcessCpuTime() {
        return MeterFilter.denyNameStartsWith("process.cpu.time");
    }

    @Produces
    @Singleton
    MeterFilter withoutHostMeters() {
        return MeterFilter.denyNameStartsWith("system.");
    }

    @Produces
    @Singleton
    MeterFilter withoutThreadStates() {
        return MeterFilter.denyNameStartsWith("jvm.threads.states");
    }
}
