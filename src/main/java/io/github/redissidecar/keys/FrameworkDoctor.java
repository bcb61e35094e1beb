package io.github.redissidecar.keys;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The memory doctor for the frameworks the seeds run on Redis: Celery (its broker's queue lists and
 * {@code _kombu.binding.*} sets, its {@code celery-task-meta-*} results) and Django's cache and session backends
 * (Django's own Redis cache and django-redis both name keys {@code KEY_PREFIX:VERSION:key}; sessions in the cache
 * are {@code …:django.contrib.sessions.cache<id>}). It recognises them by group label and says what the eviction
 * policy does to each, with the group, its share of the sampled bytes and the fix.
 */
public final class FrameworkDoctor {

    /** Every finding, so that each has its series at 0 or 1. */
    public static final List<String> FINDINGS = List.of("celery_queue_evictable", "sessions_evictable",
            "celery_results_never_expire", "cache_under_noeviction");

    // KEY_PREFIX (possibly empty) and a one- or two-digit VERSION: Django's make_key, and django-redis's.
    private static final Pattern DJANGO_KEY = Pattern.compile("^[^:]*:\\d{1,2}:.*");

    enum Layout {
        CELERY_BROKER("Celery's broker (queued tasks)"),
        CELERY_RESULTS("Celery results"),
        DJANGO_SESSIONS("Django sessions"),
        DJANGO_CACHE("the Django cache");

        final String words;

        Layout(String words) {
            this.words = words;
        }
    }

    private FrameworkDoctor() {
    }

    static Optional<Layout> layout(String group) {
        if (group.startsWith("_kombu.binding.") || KeyGroups.CELERY_NAMES.contains(group)) {
            return Optional.of(Layout.CELERY_BROKER);
        }
        if (group.startsWith("celery-task-meta-") || group.startsWith("celery-taskset-meta-")) {
            return Optional.of(Layout.CELERY_RESULTS);
        }
        if (group.contains("django.contrib.sessions.")) {
            return Optional.of(Layout.DJANGO_SESSIONS);
        }
        return DJANGO_KEY.matcher(group).matches() ? Optional.of(Layout.DJANGO_CACHE) : Optional.empty();
    }

    /**
     * What {@code policy} does to the frameworks' keys in {@code estimates} and among the {@code known} keys found by
     * name; nothing on too few samples.
     */
    public static List<MemoryDoctor.Finding> examine(String policy, List<KeyGroupEstimate> estimates,
            List<KnownKey> known) {
        List<MemoryDoctor.Finding> out = new ArrayList<>();
        double total = estimates.stream().mapToDouble(KeyGroupEstimate::bytes).sum();
        if (total <= 0 || estimates.stream().mapToInt(KeyGroupEstimate::samples).sum() < MemoryDoctor.MIN_SAMPLES) {
            return out;
        }
        Map<Layout, Found> found = found(estimates, known, total);
        boolean allkeys = policy.startsWith("allkeys-");
        String evicts = "maxmemory-policy " + policy + " can evict them: when memory fills, ";
        Found broker = found.get(Layout.CELERY_BROKER);
        if (broker != null && (allkeys || policy.startsWith("volatile-") && broker.expiring())) {
            out.add(finding(FINDINGS.get(0), Layout.CELERY_BROKER, broker, evicts + "queued tasks vanish without "
                    + "an error and never run", "give Celery's broker a Redis of its own with noeviction (and the "
                    + "memory alerts), or keep the broker's keys out of reach of eviction with volatile-lru and a "
                    + "TTL on everything that may go"));
        }
        Found sessions = found.get(Layout.DJANGO_SESSIONS);
        if (sessions != null && (allkeys || policy.startsWith("volatile-") && sessions.expiring())) {
            out.add(finding(FINDINGS.get(1), Layout.DJANGO_SESSIONS, sessions, evicts + "users are logged out "
                    + "without a word", "SESSION_ENGINE = \"django.contrib.sessions.backends.cached_db\" (the "
                    + "database keeps them; Redis only caches), or sessions in a Redis that does not evict"));
        }
        Found results = found.get(Layout.CELERY_RESULTS);
        if (results != null && results.withoutTtl >= MemoryDoctor.NO_TTL_AT_ALL) {
            String until = policy.startsWith("volatile-") ? ", and maxmemory-policy " + policy + " cannot evict "
                    + "them: at maxmemory writes fail" : allkeys ? " until maxmemory-policy " + policy + " evicts "
                    + "them along with everything else" : ": under noeviction, until writes fail";
            out.add(finding(FINDINGS.get(2), Layout.CELERY_RESULTS, results, "they have no TTL (result_expires is "
                    + "off), so they grow without bound" + until, "set result_expires (Celery's default is one "
                    + "day), or ignore_result=True on tasks whose results nobody reads"));
        }
        Found cache = found.get(Layout.DJANGO_CACHE);
        if (cache != null && policy.equals("noeviction") && cache.share >= 0.5) {
            out.add(finding(FINDINGS.get(3), Layout.DJANGO_CACHE, cache, "maxmemory-policy noeviction keeps the "
                    + "cache from making room: at maxmemory every cache write fails (django-redis raises unless "
                    + "DJANGO_REDIS_IGNORE_EXCEPTIONS)", "allkeys-lru for a Redis that only caches; state and "
                    + "queues in a Redis of their own"));
        }
        return out;
    }

    private record Found(List<String> groups, double share, double withoutTtl) {
        boolean expiring() {
            return withoutTtl < 0.5;
        }
    }

    // Per layout: its groups (by size), share of all sampled bytes, and share of its bytes without a TTL.
    private static Map<Layout, Found> found(List<KeyGroupEstimate> estimates, List<KnownKey> known, double total) {
        Map<Layout, double[]> sums = new LinkedHashMap<>();
        Map<Layout, List<String>> groups = new LinkedHashMap<>();
        for (KeyGroupEstimate e : estimates) {
            add(sums, groups, e.group(), e.bytes(), e.withoutTtlShare());
        }
        // Found by name, counted exactly; a known key the samples also drew is in both, once each (a few keys).
        for (KnownKey k : known) {
            add(sums, groups, k.name(), k.bytes(), k.expires() ? 0 : 1);
        }
        Map<Layout, Found> out = new LinkedHashMap<>();
        sums.forEach((l, s) -> out.put(l, new Found(groups.get(l), s[0] / total, s[0] > 0 ? s[1] / s[0] : 0)));
        return out;
    }

    private static void add(Map<Layout, double[]> sums, Map<Layout, List<String>> groups, String group, double bytes,
            double withoutTtl) {
        layout(group).ifPresent(l -> {
            double[] s = sums.computeIfAbsent(l, k -> new double[2]);
            s[0] += bytes;
            s[1] += bytes * withoutTtl;
            List<String> names = groups.computeIfAbsent(l, k -> new ArrayList<>());
            if (!names.contains(group)) {
                names.add(group);
            }
        });
    }

    private static MemoryDoctor.Finding finding(String name, Layout layout, Found found, String what, String fix) {
        return new MemoryDoctor.Finding(name, String.format(Locale.ROOT, "%s (%s, about %.0f %% of "
                + "the sampled bytes): %s. Fix: %s.", capitalised(layout.words), String.join(", ", found.groups()),
                100 * found.share(), what, fix));
    }

    private static String capitalised(String words) {
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
