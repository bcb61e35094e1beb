package io.github.redissidecar.keys;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Turns sample windows into estimates. A sample of n keys drawn uniformly (RANDOMKEY) from a database of K keys
 * estimates a group's bytes as K × mean(y), y being a sample's bytes when it is in the group and 0 otherwise; its
 * standard error is K × sd(y) / √n. Only the N largest groups over all databases keep their label, the rest are
 * summed into {@code other}, so a keyspace of any shape gives at most N + 1 groups.
 */
public final class KeyGroupEstimates {

    public static final String OTHER = "other";

    private KeyGroupEstimates() {
    }

    /**
     * @param windows the samples per database
     * @param keysPerDb keys per database, from INFO keyspace
     * @param top how many groups keep their label
     * @return the estimates, largest first
     */
    public static List<KeyGroupEstimate> of(Map<Integer, List<KeySample>> windows, Map<Integer, Long> keysPerDb,
            int top) {
        Map<String, Double> totals = new HashMap<>();
        windows.forEach((db, samples) -> perGroup(db, samples, keysPerDb.getOrDefault(db, 0L), g -> g).forEach(
                e -> totals.merge(e.group(), e.bytes(), Double::sum)));
        List<String> kept = totals.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(top).map(Map.Entry::getKey).toList();
        List<KeyGroupEstimate> out = new ArrayList<>();
        windows.forEach((db, samples) -> out.addAll(perGroup(db, samples, keysPerDb.getOrDefault(db, 0L),
                g -> kept.contains(g) ? g : OTHER)));
        out.sort(Comparator.comparingDouble(KeyGroupEstimate::bytes).reversed()
                .thenComparing(KeyGroupEstimate::db).thenComparing(KeyGroupEstimate::group));
        return out;
    }

    private static List<KeyGroupEstimate> perGroup(int db, List<KeySample> samples, long keysInDb,
            UnaryOperator<String> label) {
        if (samples.isEmpty()) {
            return List.of();
        }
        Map<String, List<KeySample>> groups = new HashMap<>();
        samples.forEach(s -> groups.computeIfAbsent(label.apply(s.group()), g -> new ArrayList<>()).add(s));
        List<KeyGroupEstimate> out = new ArrayList<>();
        int n = samples.size();
        groups.forEach((group, in) -> out.add(estimate(db, group, in, n, keysInDb)));
        return out;
    }

    private static KeyGroupEstimate estimate(int db, String group, List<KeySample> in, int n, long keysInDb) {
        double sum = 0;
        double sumSquares = 0;
        double withoutTtl = 0;
        for (KeySample s : in) {
            sum += s.bytes();
            sumSquares += (double) s.bytes() * s.bytes();
            withoutTtl += s.expires() ? 0 : s.bytes();
        }
        double mean = sum / n;
        double variance = n > 1 ? (sumSquares - n * mean * mean) / (n - 1) : 0;
        double p = (double) in.size() / n;
        double keysVariance = n > 1 ? p * (1 - p) * n / (n - 1) : 0;
        return new KeyGroupEstimate(db, group, keysInDb * mean, keysInDb * Math.sqrt(Math.max(0, variance) / n),
                keysInDb * p, keysInDb * Math.sqrt(keysVariance / n), sum > 0 ? withoutTtl / sum : 0, in.size());
    }
}
