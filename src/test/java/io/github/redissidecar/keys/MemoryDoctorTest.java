package io.github.redissidecar.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MemoryDoctorTest {

    private static final List<KeyGroupEstimate> CELERY_PILE = List.of(
            new KeyGroupEstimate(0, "celery-task-meta-*", 600, 10, 60, 1, 1.0, 600),
            new KeyGroupEstimate(0, "vimbiso:1:*", 300, 10, 30, 1, 0.0, 300),
            new KeyGroupEstimate(1, "celery-task-meta-*", 100, 10, 10, 1, 1.0, 100));

    @Test
    void aVolatilePolicyWithMostBytesWithoutTtlWillRefuseWrites() {
        List<MemoryDoctor.Finding> f = MemoryDoctor.examine("volatile-lru", CELERY_PILE, List.of());
        assertEquals(List.of("volatile_policy_bytes_without_ttl", "celery_results_never_expire"), f.stream().map(MemoryDoctor.Finding::name).toList());
        assertTrue(f.get(0).advice().contains("about 70 % of the sampled bytes"), f.get(0).advice());
    }

    @Test
    void anAllkeysCacheWhoseLargestGroupNeverExpiresIsNamed() {
        List<MemoryDoctor.Finding> f = MemoryDoctor.examine("allkeys-lru", CELERY_PILE, List.of());
        assertEquals(List.of("allkeys_largest_group_without_ttl", "celery_results_never_expire"), f.stream()
                .map(MemoryDoctor.Finding::name).toList());
        assertTrue(f.get(0).advice().contains("celery-task-meta-* (about 70 %"), f.get(0).advice());
    }

    @Test
    void nothingToSayWhenTtlsAndPolicyAgreeOrNothingWasSampled() {
        List<KeyGroupEstimate> cache = List.of(new KeyGroupEstimate(0, "vimbiso:1:*", 300, 10, 30, 1, 0.0, 300),
                new KeyGroupEstimate(0, "session:*", 100, 10, 30, 1, 1.0, 300));
        assertEquals(List.of(), MemoryDoctor.examine("volatile-lru", cache, List.of()));
        assertEquals(List.of(), MemoryDoctor.examine("allkeys-lru", cache, List.of()));
        assertEquals(List.of("celery_results_never_expire"), MemoryDoctor.examine("noeviction", CELERY_PILE,
                List.of()).stream().map(MemoryDoctor.Finding::name).toList(), "results pile up under any policy");
        assertEquals(List.of(), MemoryDoctor.examine("volatile-lru", List.of(), List.of()));
    }

    @Test
    void aFewSamplesGiveNoAdvice() {
        // A sidecar started a moment ago has drawn a handful of keys: 4 samples are no evidence of anything.
        List<KeyGroupEstimate> early = List.of(new KeyGroupEstimate(0, "celery-task-meta-*", 600, 600, 4, 4, 1.0,
                4));
        assertEquals(List.of(), MemoryDoctor.examine("allkeys-lru", early, List.of()));
        assertEquals(List.of(), MemoryDoctor.examine("volatile-lru", early, List.of()));
    }
}
