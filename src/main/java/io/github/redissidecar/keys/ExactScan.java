package io.github.redissidecar.keys;

import io.github.redissidecar.redis.KeyFacts;
import io.github.redissidecar.redis.RedisCommands;
import io.github.redissidecar.redis.RedisFailure;
import io.github.redissidecar.redis.ScanPage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The exact answer an operator asks for, where the sampler estimates: every key of every database by SCAN, its
 * MEMORY USAGE (every element of aggregates: SAMPLES 0) and PTTL, grouped by the sampler's rules. One page per
 * {@link #step}, so that whoever runs it paces the pages and can stop between them. Memory stays bounded: beyond
 * {@link #MAX_GROUPS} groups the smallest so far are summed into {@code other} (and marked folded), and each group
 * keeps only its few biggest key names, never a value.
 */
public final class ExactScan {

    static final int PAGE = 100;
    static final int MAX_GROUPS = 1000;
    static final int BIGGEST = 3;
    private static final int FOLDED_BITS = 1 << 20;

    public enum State { RUNNING, DONE, CANCELLED, FAILED }

    /** A group's totals; {@code folded} when smaller groups were summed into it (other) or it was folded away. */
    public static final class Totals {
        final int db;
        final String group;
        long bytes;
        long keys;
        long withTtl;
        boolean folded;
        final List<Map.Entry<String, Long>> biggest = new ArrayList<>();

        Totals(int db, String group) {
            this.db = db;
            this.group = group;
        }

        void add(String name, long size, boolean expires) {
            bytes += size;
            keys++;
            withTtl += expires ? 1 : 0;
            if (biggest.size() < BIGGEST || size > biggest.get(biggest.size() - 1).getValue()) {
                biggest.add(Map.entry(name, size));
                biggest.sort(Map.Entry.<String, Long>comparingByValue().reversed());
                if (biggest.size() > BIGGEST) {
                    biggest.remove(BIGGEST);
                }
            }
        }
    }

    private final KeyGroups groups;
    private final List<Integer> databases;
    private final long keysAtStart;
    private final long startedMillis = System.currentTimeMillis();
    private final Map<String, Totals> totals = new HashMap<>();
    // Labels summed into other ("db NUL group"), in 128 KB whatever their number (a scan of 50,000 prefixes folds
    // tens of thousands): a Bloom filter, hand-written because the project has no library with one. A false
    // positive sends a group first seen after a fold to other; groups with many keys are seen long before that.
    private final java.util.BitSet folded = new java.util.BitSet(FOLDED_BITS);
    private int dbIndex;
    private String cursor = "0";
    private long scanned;
    private long longNamesSkipped;
    private volatile long finishedMillis;
    private volatile State state = State.RUNNING;
    private volatile String error;

    /** @param keysPerDb the databases to scan and their keys, from INFO keyspace (the progress's denominator) */
    public ExactScan(KeyGroups groups, Map<Integer, Long> keysPerDb) {
        this.groups = groups;
        this.databases = List.copyOf(keysPerDb.keySet());
        this.keysAtStart = keysPerDb.values().stream().mapToLong(Long::longValue).sum();
        if (databases.isEmpty()) {
            finish(State.DONE, null);
        }
    }

    /**
     * One SCAN page and the facts of its keys; false once the last database is done (or it was stopped). Redis is
     * asked outside the lock, so that /status, a cancel or a report never wait for a page; only the counting is
     * under it.
     */
    public boolean step(RedisCommands redis) throws RedisFailure {
        int db;
        String from;
        synchronized (this) {
            if (state != State.RUNNING) {
                return false;
            }
            db = databases.get(dbIndex);
            from = cursor;
        }
        ScanPage page = redis.scan(db, from, PAGE);
        List<byte[]> keys = KeyNames.usable(page.keys());
        int longNames = page.keys().size() - keys.size();
        List<KeyFacts> facts = new ArrayList<>();
        for (int i = 0; i < keys.size(); i += RedisCommands.MAX_KEYS_PER_BATCH) {
            facts.addAll(redis.keyFacts(db, keys.subList(i, Math.min(keys.size(), i
                    + RedisCommands.MAX_KEYS_PER_BATCH)), 0));
        }
        return account(db, page, keys, facts, longNames);
    }

    private synchronized boolean account(int db, ScanPage page, List<byte[]> keys, List<KeyFacts> facts,
            int longNames) {
        if (state != State.RUNNING) {
            return false; // cancelled while Redis answered: this page is not counted
        }
        longNamesSkipped += longNames;
        for (int i = 0; i < facts.size(); i++) {
            if (!facts.get(i).gone()) {
                String name = new String(keys.get(i), StandardCharsets.UTF_8);
                String group = groups.groupOf(name);
                // A group folded into other stays there: counting it again from zero would under-report it.
                String label = wasFolded(db + "\u0000" + group) ? KeyGroupEstimates.OTHER : group;
                totals.computeIfAbsent(db + "\u0000" + label, k -> new Totals(db, label))
                        .add(name, facts.get(i).bytes(), facts.get(i).ttlMillis() >= 0);
                scanned++;
            }
        }
        if (totals.size() > 2 * MAX_GROUPS) {
            fold();
        }
        cursor = page.cursor();
        if (page.last() && ++dbIndex == databases.size()) {
            finish(State.DONE, null);
        }
        return state == State.RUNNING;
    }

    public synchronized void cancel() {
        if (state == State.RUNNING) {
            finish(State.CANCELLED, null);
        }
    }

    public synchronized void fail(String why) {
        if (state == State.RUNNING) {
            finish(State.FAILED, why);
        }
    }

    private void finish(State end, String why) {
        state = end;
        error = why;
        finishedMillis = System.currentTimeMillis();
    }

    // The smallest groups so far are summed into their database's "other": the large ones stay exact.
    private void fold() {
        List<Totals> all = new ArrayList<>(totals.values());
        all.sort(Comparator.comparingLong((Totals t) -> t.bytes).reversed());
        for (Totals small : all.subList(MAX_GROUPS, all.size())) {
            if (small.group.equals(KeyGroupEstimates.OTHER)) {
                continue;
            }
            totals.remove(small.db + "\u0000" + small.group);
            markFolded(small.db + "\u0000" + small.group);
            Totals other = totals.computeIfAbsent(small.db + "\u0000" + KeyGroupEstimates.OTHER,
                    k -> new Totals(small.db, KeyGroupEstimates.OTHER));
            other.bytes += small.bytes;
            other.keys += small.keys;
            other.withTtl += small.withTtl;
            other.folded = true;
        }
    }

    private void markFolded(String key) {
        for (int bit : bits(key)) {
            folded.set(bit);
        }
    }

    private boolean wasFolded(String key) {
        for (int bit : bits(key)) {
            if (!folded.get(bit)) {
                return false;
            }
        }
        return true;
    }

    // Three bit positions from two independent hashes (Kirsch–Mitzenmacher double hashing).
    private static int[] bits(String key) {
        int h1 = key.hashCode();
        int h2 = 0x811C9DC5; // FNV-1a, unrelated to String.hashCode
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            h2 = (h2 ^ (b & 0xff)) * 0x01000193;
        }
        h2 |= 1;
        return new int[] {Math.floorMod(h1, FOLDED_BITS), Math.floorMod(h1 + h2, FOLDED_BITS),
            Math.floorMod(h1 + 2 * h2, FOLDED_BITS)};
    }

    public State state() {
        return state;
    }

    /** What it has found so far (all of it once done), largest group first. */
    public synchronized ScanReport report() {
        List<Totals> all = new ArrayList<>(totals.values());
        all.sort(Comparator.comparingLong((Totals t) -> t.bytes).reversed().thenComparing(t -> t.group));
        long end = state == State.RUNNING ? System.currentTimeMillis() : finishedMillis;
        return ScanReport.of(state, error, startedMillis, end, scanned, keysAtStart, all, longNamesSkipped);
    }
}
