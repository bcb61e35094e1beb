package io.github.redissidecar.keys;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the key sampler has seen and how it fares, for /metrics and /status: a window of samples per database,
 * how many samples were taken, the last error, and why sampling is off or paused, if it is.
 */
public final class SamplerState {

    private final int windowSize;
    private final Map<Integer, SampleWindow> windows = new ConcurrentHashMap<>();
    private final AtomicLong taken = new AtomicLong();
    private final AtomicLong longNamesSkipped = new AtomicLong();
    private final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
    private volatile String lastError;
    private volatile String off;
    private volatile String paused;
    private volatile boolean warmingUp;
    private volatile List<KnownKey> known = List.of();

    public SamplerState(int windowSize) {
        this.windowSize = windowSize;
    }

    public void add(int db, KeySample sample) {
        windows.computeIfAbsent(db, d -> new SampleWindow(windowSize)).add(sample);
        taken.incrementAndGet();
    }

    /** Drops every window: after a restart they describe the dataset before it. */
    public void clearWindows() {
        windows.clear();
        known = List.of();
    }

    /** The frameworks' fixed keys found at the last look, in every database. */
    public void known(List<KnownKey> found) {
        known = List.copyOf(found);
    }

    public List<KnownKey> known() {
        return known;
    }

    /** Whether the warm-up after a start or a restart is still filling the windows. */
    public void warmingUp(boolean on) {
        warmingUp = on;
    }

    public boolean warmingUp() {
        return warmingUp;
    }

    /** Drops the windows of databases now empty: their old samples no longer describe anything. */
    public void retainOnly(Set<Integer> databasesWithKeys) {
        windows.keySet().retainAll(databasesWithKeys);
    }

    /** Counts names too long to sample ({@link KeyNames}); the total so far. */
    public long skippedLongNames(int count) {
        return longNamesSkipped.addAndGet(count);
    }

    public long longNamesSkipped() {
        return longNamesSkipped.get();
    }

    public long taken() {
        return taken.get();
    }

    public int windowSize() {
        return windowSize;
    }

    /** Samples held per database. */
    public Map<Integer, Integer> held() {
        Map<Integer, Integer> out = new TreeMap<>();
        windows.forEach((db, w) -> out.put(db, w.size()));
        return out;
    }

    public Map<Integer, List<KeySample>> samples() {
        Map<Integer, List<KeySample>> out = new TreeMap<>();
        windows.forEach((db, w) -> out.put(db, w.samples()));
        return out;
    }

    /** A sampling batch failed for {@code reason} (a failure reason label). */
    public void failed(String reason, String error) {
        errors.computeIfAbsent(reason, r -> new AtomicLong()).incrementAndGet();
        lastError = error;
    }

    /** Failed batches per reason. */
    public Map<String, Long> errors() {
        Map<String, Long> out = new TreeMap<>();
        errors.forEach((reason, n) -> out.put(reason, n.get()));
        return out;
    }

    public Optional<String> lastError() {
        return Optional.ofNullable(lastError);
    }

    /** Sampling switched off for good (configuration, or an ACL that denies it). */
    public void off(String reason) {
        off = reason;
    }

    public Optional<String> offReason() {
        return Optional.ofNullable(off);
    }

    /** Sampling waits (Redis loading, slow, or down); empty clears it. */
    public void paused(Optional<String> reason) {
        paused = reason.orElse(null);
    }

    public Optional<String> pausedReason() {
        return Optional.ofNullable(paused);
    }
}
