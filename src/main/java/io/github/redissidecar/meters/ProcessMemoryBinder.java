package io.github.redissidecar.meters;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.BaseUnits;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code process_resident_memory_bytes}: the sidecar's RSS, what its container limit is measured against.
 * Micrometer's JVM and system binders report heap, threads, CPU and file descriptors, but not resident memory,
 * so it is read here from /proc/self/status (Linux, where the sidecar runs).
 */
@ApplicationScoped
public class ProcessMemoryBinder implements MeterBinder {

    private static final Path STATUS = Path.of("/proc/self/status");

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("process.resident.memory", ProcessMemoryBinder::residentBytes)
                .description("Resident set size of the sidecar process.")
                .baseUnit(BaseUnits.BYTES)
                .register(registry);
    }

    static double residentBytes() {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux, or no /proc: no value.
        }
        return Double.NaN;
    }
}
