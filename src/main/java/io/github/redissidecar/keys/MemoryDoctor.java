package io.github.redissidecar.keys;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Advice from the samples that no INFO field gives: where the eviction policy and the keys' TTLs disagree. A
 * growing group without TTL needs history, so the alert rule finds it from the keygroup series.
 */
public final class MemoryDoctor {

    /** A {@code volatile-*} policy can only evict keys with a TTL: above this share without, writes will fail. */
    static final double VOLATILE_WITHOUT_TTL = 0.5;
    static final double NO_TTL_AT_ALL = 0.99;
    /** Below this many samples over all databases a share is too uncertain to advise on (±15 points at 100). */
    static final int MIN_SAMPLES = 100;

    /** Every finding, so that each has its series at 0 or 1: these two, then the frameworks' (FrameworkDoctor). */
    public static final List<String> FINDINGS = java.util.stream.Stream.concat(java.util.stream.Stream.of(
            "volatile_policy_bytes_without_ttl", "allkeys_largest_group_without_ttl"),
            FrameworkDoctor.FINDINGS.stream()).toList();

    private MemoryDoctor() {
    }

    /** A finding and what to do, in words. */
    public record Finding(String name, String advice) {
    }

    /** @param known the frameworks' fixed keys found by name ({@link KnownKey}) */
    public static List<Finding> examine(String policy, List<KeyGroupEstimate> estimates, List<KnownKey> known) {
        List<Finding> out = new ArrayList<>();
        double total = estimates.stream().mapToDouble(KeyGroupEstimate::bytes).sum();
        if (total <= 0 || estimates.stream().mapToInt(KeyGroupEstimate::samples).sum() < MIN_SAMPLES) {
            return out;
        }
        double withoutTtl = estimates.stream().mapToDouble(e -> e.bytes() * e.withoutTtlShare()).sum() / total;
        if (policy.startsWith("volatile-") && withoutTtl > VOLATILE_WITHOUT_TTL) {
            out.add(new Finding(FINDINGS.get(0), String.format(Locale.ROOT, "maxmemory-policy %s can evict only "
                    + "keys with a TTL, but about %.0f %% of the sampled bytes are in keys without one: at "
                    + "maxmemory Redis will refuse writes (OOM) with most of its memory unevictable. Give those "
                    + "keys a TTL (Celery: result_expires) or use an allkeys-* policy.", policy, 100 * withoutTtl)));
        }
        Map<String, double[]> groups = byGroup(estimates);
        groups.entrySet().stream().max(Map.Entry.comparingByValue((a, b) -> Double.compare(a[0], b[0])))
                .filter(g -> policy.startsWith("allkeys-") && g.getValue()[1] / g.getValue()[0] >= NO_TTL_AT_ALL)
                .ifPresent(g -> out.add(new Finding(FINDINGS.get(1), String.format(Locale.ROOT, "The largest key "
                        + "group, %s (about %.0f %% of the sampled bytes), has no TTL at all in this %s cache: it "
                        + "never expires, so it grows until eviction removes it, along with cache entries. If it is "
                        + "not cache (results, sessions, state), give it a TTL or move it to a Redis that does not "
                        + "evict.", g.getKey(), 100 * g.getValue()[0] / total, policy))));
        out.addAll(FrameworkDoctor.examine(policy, estimates, known));
        return out;
    }

    // Bytes and bytes without TTL per group, over all databases.
    private static Map<String, double[]> byGroup(List<KeyGroupEstimate> estimates) {
        Map<String, double[]> out = new HashMap<>();
        for (KeyGroupEstimate e : estimates) {
            double[] sums = out.computeIfAbsent(e.group(), g -> new double[2]);
            sums[0] += e.bytes();
            sums[1] += e.bytes() * e.withoutTtlShare();
        }
        return out;
    }
}
