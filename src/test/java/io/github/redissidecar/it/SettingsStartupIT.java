package io.github.redissidecar.it;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.redissidecar.testing.SidecarProcess;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A bad setting stops the packaged jar at startup, with a message naming the line, the value and the fix. */
class SettingsStartupIT {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "maxmemory-policy allkeys-lrv||SIDECAR_SETTINGS line 1 \"maxmemory-policy allkeys-lrv\"",
        "maxmemory 35%||set SIDECAR_CONTAINER_MEMORY_LIMIT",
        "maxmemory 1gb|768mb|above the container memory limit of 805306368 bytes",
        "maxmemory 120%|768mb|at most 100%",
        "maxmemory lots|768mb|\"lots\" is not a size",
    })
    void refusesToStart(String settings, String limit, String expected) throws Exception {
        Map<String, String> env = limit == null ? Map.of("SIDECAR_SETTINGS", settings)
                : Map.of("SIDECAR_SETTINGS", settings, "SIDECAR_CONTAINER_MEMORY_LIMIT", limit);
        try (SidecarProcess sidecar = SidecarProcess.start(env)) {
            assertTrue(sidecar.process().waitFor(60, TimeUnit.SECONDS), "the sidecar must exit");
            assertNotEquals(0, sidecar.process().exitValue());
            String log = sidecar.output();
            assertTrue(log.contains(expected), log);
        }
    }
}
