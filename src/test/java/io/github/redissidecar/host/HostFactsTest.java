package io.github.redissidecar.host;

import io.github.redissidecar.metrics.HostSeries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.redissidecar.metrics.PrometheusText;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class HostFactsTest {

    @Test
    void readsTheKernelFilesAsTheyAreWritten() {
        HostFacts facts = HostFacts.parse("0\n", "always [madvise] never\n");
        assertEquals(OptionalInt.of(0), facts.overcommitMemory());
        assertEquals(List.of("always", "madvise", "never"), facts.hugepageModes());
        assertEquals(Optional.of("madvise"), facts.hugepageActive());
        assertTrue(facts.overcommitWrong());
        assertFalse(facts.hugepagesAlways());
        assertEquals("""
                # HELP redis_sidecar_host_overcommit_memory The host's vm.overcommit_memory (0 heuristic, 1 always, \
                2 never); Redis wants 1.
                # TYPE redis_sidecar_host_overcommit_memory gauge
                redis_sidecar_host_overcommit_memory{host="node-1"} 0
                # HELP redis_sidecar_host_transparent_hugepage The host's transparent hugepage mode: 1 for the active \
                one. Redis wants it not always.
                # TYPE redis_sidecar_host_transparent_hugepage gauge
                redis_sidecar_host_transparent_hugepage{host="node-1",mode="always"} 0
                redis_sidecar_host_transparent_hugepage{host="node-1",mode="madvise"} 1
                redis_sidecar_host_transparent_hugepage{host="node-1",mode="never"} 0
                """, PrometheusText.write(HostSeries.of(facts, "node-1")));
    }

    @Test
    void unreadableOrGarbledFilesGiveNoSeries() {
        assertEquals(List.of(), HostSeries.of(HostFacts.parse(null, null), "node-1"));
        assertEquals(List.of(), HostSeries.of(HostFacts.parse("7", "no brackets here"), "node-1"));
        assertTrue(HostFacts.parse("1", "[always] madvise never").hugepagesAlways());
        assertFalse(HostFacts.parse("1", null).overcommitWrong());
    }
}
