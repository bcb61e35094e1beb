package io.github.redissidecar.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Celery's and Django's keys, recognised by group, and what each eviction policy does to them, in words. */
class FrameworkDoctorTest {

    private static final KeyGroups GROUPS = KeyGroups.byPrefix();

    // A Celery Redis: results without result_expires, and the broker (found by name: one list, one set).
    private static final List<KeyGroupEstimate> CELERY = List.of(
            new KeyGroupEstimate(0, "celery-task-meta-*", 900, 10, 900, 1, 1.0, 990));
    private static final List<KnownKey> BROKER = List.of(new KnownKey(0, "celery", 100, false),
            new KnownKey(0, "_kombu.binding.celery", 1, false));

    // Seed 000's Django: KEY_PREFIX vimbiso, cache keys and cached sessions, all with a TTL.
    private static final List<KeyGroupEstimate> DJANGO = List.of(
            new KeyGroupEstimate(1, "vimbiso:1:*", 700, 10, 700, 1, 0.0, 700),
            new KeyGroupEstimate(1, "vimbiso:1:django.contrib.sessions.*", 300, 10, 300, 1, 0.0, 300));

    @Test
    void theFrameworksKeysAreRecognisedByTheirNames() {
        assertEquals("celery-task-meta-*", GROUPS.groupOf("celery-task-meta-5f0c2d52-8a3b-4b8e-9a51-1c2d3e4f5a6b"));
        assertEquals("celery", GROUPS.groupOf("celery"), "Celery's default queue keeps its fixed name");
        assertEquals("_kombu.binding.*", GROUPS.groupOf("_kombu.binding.celery"));
        assertEquals("vimbiso:1:django.contrib.sessions.*",
                GROUPS.groupOf("vimbiso:1:django.contrib.sessions.cachek3j5h6g7f8d9s0a1"));
        assertEquals(":1:django.contrib.sessions.*", GROUPS.groupOf(":1:django.contrib.sessions.cacheabc"),
                "no KEY_PREFIX");
        assertEquals(Optional.of(FrameworkDoctor.Layout.DJANGO_CACHE), FrameworkDoctor.layout(":1:views.decorators.*"));
        assertEquals(Optional.of(FrameworkDoctor.Layout.CELERY_BROKER), FrameworkDoctor.layout("_kombu.binding.*"));
        assertEquals(Optional.empty(), FrameworkDoctor.layout("session:*"), "not Django's layout");
    }

    @Test
    void aCeleryRedisUnderAllkeysLosesQueuedTasksAndItsResultsNeverExpire() {
        List<MemoryDoctor.Finding> f = FrameworkDoctor.examine("allkeys-lru", CELERY, BROKER);
        assertEquals(List.of("celery_queue_evictable", "celery_results_never_expire"), names(f));
        assertEquals("Celery's broker (queued tasks) (celery, _kombu.binding.celery, about 11 % of the sampled bytes): "
                + "maxmemory-policy allkeys-lru can evict them: when memory fills, queued tasks vanish without an "
                + "error and never run. Fix: give Celery's broker a Redis of its own with noeviction (and the memory "
                + "alerts), or keep the broker's keys out of reach of eviction with volatile-lru and a TTL on "
                + "everything that may go.", f.get(0).advice());
        assertTrue(f.get(1).advice().startsWith("Celery results (celery-task-meta-*, about 100 % of the sampled bytes): "
                + "they have no TTL (result_expires is off), so they grow without bound until maxmemory-policy "
                + "allkeys-lru evicts them along with everything else. Fix: set result_expires"), f.get(1).advice());
        assertEquals(List.of("celery_results_never_expire"), names(FrameworkDoctor.examine("volatile-lru", CELERY,
                BROKER)), "volatile-lru cannot touch a broker without TTLs");
        assertTrue(FrameworkDoctor.examine("volatile-lru", CELERY, BROKER).get(0).advice().contains(
                "maxmemory-policy volatile-lru cannot evict them: at maxmemory writes fail"));
    }

    @Test
    void aDjangoRedisEvictsItsSessionsUnderEitherPolicyAndRefusesCacheWritesUnderNoeviction() {
        for (String policy : List.of("allkeys-lru", "volatile-lru", "allkeys-lfu")) {
            List<MemoryDoctor.Finding> f = FrameworkDoctor.examine(policy, DJANGO, List.of());
            assertEquals(List.of("sessions_evictable"), names(f), policy);
            assertTrue(f.get(0).advice().startsWith("Django sessions (vimbiso:1:django.contrib.sessions.*, about 30 % "
                    + "of the sampled bytes): maxmemory-policy " + policy + " can evict them: when memory fills, users "
                    + "are logged out"), f.get(0).advice());
        }
        List<MemoryDoctor.Finding> full = FrameworkDoctor.examine("noeviction", DJANGO, List.of());
        assertEquals(List.of("cache_under_noeviction"), names(full));
        assertTrue(full.get(0).advice().contains("at maxmemory every cache write fails"), full.get(0).advice());
    }

    @Test
    void nothingOnTooFewSamplesOrWhenNothingIsTheFrameworks() {
        assertEquals(List.of(), FrameworkDoctor.examine("allkeys-lru", List.of(new KeyGroupEstimate(0,
                "celery-task-meta-*", 900, 10, 900, 1, 1.0, 50)), BROKER));
        assertEquals(List.of(), FrameworkDoctor.examine("allkeys-lru", List.of(new KeyGroupEstimate(0, "session:*",
                900, 10, 900, 1, 1.0, 500)), List.of()));
    }

    private static List<String> names(List<MemoryDoctor.Finding> findings) {
        return findings.stream().map(MemoryDoctor.Finding::name).toList();
    }
}
