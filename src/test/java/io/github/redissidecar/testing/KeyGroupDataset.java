package io.github.redissidecar.testing;

import io.github.redissidecar.keys.KeyGroupEstimates;
import io.github.redissidecar.keys.KeyGroups;
import io.github.redissidecar.keys.KeySample;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Issue 15's data, shared by {@code KeyGroupAccuracyTest} and the benchmark: 130 k keys in two databases, about
 * 60 % of the bytes in Celery results without TTL, 30 % in Django cache keys with a TTL, 10 % in session hashes;
 * the true share of each group by a full SCAN, and the sampler's estimator on windows drawn as the sampler draws.
 */
public final class KeyGroupDataset {

    /** The dataset's three groups; anything else is noise ({@link #fillNoise}). */
    public static final java.util.Set<String> KNOWN = java.util.Set.of("celery-task-meta-*", "vimbiso:1:*",
            "session:*");

    /** Keys per database once filled. */
    public static final Map<Integer, Long> KEYS = Map.of(0, 75_000L, 1, 55_000L);

    private final RedisServer redis;

    public KeyGroupDataset(RedisServer redis) {
        this.redis = redis;
    }

    /** db0: 30 k Celery results, 30 k cache keys, 15 k sessions; db1: 20 k, 24 k, 11 k. */
    public void fill() throws IOException {
        Random random = new Random(15);
        try (Pipeline p = new Pipeline(redis.port())) {
            fillDb(p, random, 0, 30_000, 30_000, 15_000);
            fillDb(p, random, 1, 20_000, 24_000, 11_000);
            p.send("SELECT", "0").sync();
        }
    }

    private static void fillDb(Pipeline p, Random random, int db, int celery, int cache, int sessions)
            throws IOException {
        p.send("SELECT", Integer.toString(db));
        for (int i = 0; i < celery; i++) {
            p.send("SET", "celery-task-meta-" + new UUID(random.nextLong(), random.nextLong()),
                    "r".repeat(300 + random.nextInt(400)));
        }
        for (int i = 0; i < cache; i++) {
            p.send("SET", "vimbiso:1:" + String.format("%016x", random.nextLong()),
                    "c".repeat(100 + random.nextInt(150)), "EX", Integer.toString(3600 + random.nextInt(3600)));
        }
        for (int i = 0; i < sessions; i++) {
            p.send("HSET", "session:" + (1_000_000 + db * 100_000 + i), "user", "u" + random.nextInt(100_000),
                    "state", "s".repeat(20 + random.nextInt(40)), "step", Integer.toString(random.nextInt(10)),
                    "lang", "en", "ts", Long.toString(1_700_000_000L + random.nextInt(1_000_000)));
        }
        p.sync();
    }

    /**
     * {@code n} small keys under as many distinct prefixes ({@code qzxkvw:1}), half in each database: no group of
     * theirs is large enough to keep its label, so they land in {@code other}.
     */
    public void fillNoise(int n) throws IOException {
        Random random = new Random(28);
        try (Pipeline p = new Pipeline(redis.port())) {
            for (int db : new int[] {0, 1}) {
                p.send("SELECT", Integer.toString(db));
                for (int i = 0; i < n / 2; i++) {
                    StringBuilder prefix = new StringBuilder();
                    for (int c = 0; c < 6; c++) {
                        prefix.append((char) ('a' + random.nextInt(26)));
                    }
                    p.send("SET", prefix + ":" + random.nextInt(10), "n".repeat(20 + random.nextInt(40)));
                }
                p.sync();
            }
            p.send("SELECT", "0").sync();
        }
    }

    /** Bytes per group over both databases by a full SCAN and MEMORY USAGE of every key, as shares. */
    public Map<String, Double> trueShares() throws IOException {
        return shares(trueBytes());
    }

    /** Bytes per group over both databases by a full SCAN and MEMORY USAGE SAMPLES 0 of every key. */
    public Map<String, Double> trueBytes() throws IOException {
        Map<String, Double> bytes = new TreeMap<>();
        try (RespClient scan = redis.client(); Pipeline memory = new Pipeline(redis.port())) {
            for (int db : KEYS.keySet()) {
                scan.call("SELECT", Integer.toString(db));
                memory.send("SELECT", Integer.toString(db)).sync();
                String cursor = "0";
                do {
                    List<?> reply = (List<?>) scan.call("SCAN", cursor, "COUNT", "1000");
                    cursor = (String) reply.get(0);
                    List<?> keys = (List<?>) reply.get(1);
                    keys.forEach(k -> send(memory, "MEMORY", "USAGE", (String) k, "SAMPLES", "0"));
                    List<String> sizes = memory.sync();
                    for (int i = 0; i < keys.size(); i++) {
                        bytes.merge(group((String) keys.get(i)), Double.parseDouble(sizes.get(i)), Double::sum);
                    }
                } while (!"0".equals(cursor));
            }
        }
        return bytes;
    }

    /**
     * The sidecar's estimator on {@code runs} windows of n keys per database, for each n of {@code sizes}, drawn as
     * the sampler draws them (RANDOMKEY, MEMORY USAGE SAMPLES 5, PTTL): the largest share error over the groups
     * and the runs, per n.
     */
    public Map<Integer, Double> worstShareError(Map<String, Double> truth, int[] sizes, int runs) throws IOException {
        Map<Integer, Double> worst = new TreeMap<>();
        try (RespClient client = redis.client()) {
            for (int n : sizes) {
                for (int run = 0; run < runs; run++) {
                    Map<Integer, List<KeySample>> drawn = Map.of(0, draw(client, 0, n), 1, draw(client, 1, n));
                    Map<String, Double> bytes = new TreeMap<>();
                    KeyGroupEstimates.of(drawn, KEYS, 20).forEach(e -> bytes.merge(e.group(), e.bytes(), Double::sum));
                    Map<String, Double> shares = shares(bytes);
                    truth.forEach((g, share) -> worst.merge(n, Math.abs(share - shares.getOrDefault(g, 0.0)),
                            Math::max));
                }
            }
        }
        return worst;
    }

    private static List<KeySample> draw(RespClient client, int db, int n) throws IOException {
        KeyGroups groups = KeyGroups.byPrefix();
        client.call("SELECT", Integer.toString(db));
        List<KeySample> out = new ArrayList<>();
        while (out.size() < n) {
            String key = (String) client.call("RANDOMKEY");
            long bytes = (Long) client.call("MEMORY", "USAGE", key, "SAMPLES", "5");
            long ttl = (Long) client.call("PTTL", key);
            out.add(new KeySample(groups.groupOf(key), bytes, ttl >= 0));
        }
        return out;
    }

    private static void send(Pipeline p, String... args) {
        try {
            p.send(args);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String group(String key) {
        return key.startsWith("celery-task-meta-") ? "celery-task-meta-*"
                : key.startsWith("vimbiso:1:") ? "vimbiso:1:*" : key.startsWith("session:") ? "session:*"
                : KeyGroupEstimates.OTHER;
    }

    private static final java.util.regex.Pattern BYTES = java.util.regex.Pattern.compile(
            "redis_sidecar_keygroup_memory_bytes\\{db=\"(db\\d+)\",group=\"([^\"]*)\"} (\\S+)");

    /** The shares of the bytes the sidecar estimates, over the databases, from a scrape's text. */
    public static Map<String, Double> estimatedShares(String metrics) {
        Map<String, Double> bytes = new TreeMap<>();
        java.util.regex.Matcher m = BYTES.matcher(metrics);
        while (m.find()) {
            bytes.merge(m.group(2), Double.parseDouble(m.group(3)), Double::sum);
        }
        return shares(bytes);
    }

    /** Redis's microseconds in {@code command}, from the text of INFO commandstats (0 when never called). */
    public static double usec(String commandstats, String command) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("cmdstat_" + java.util.regex.Pattern.quote(command)
                + ":calls=(\\d+),usec=(\\d+)").matcher(commandstats);
        return m.find() ? Double.parseDouble(m.group(2)) : 0;
    }

    /** Each group's share of the total. */
    public static Map<String, Double> shares(Map<String, Double> bytes) {
        double total = bytes.values().stream().mapToDouble(Double::doubleValue).sum();
        Map<String, Double> out = new TreeMap<>();
        bytes.forEach((g, b) -> out.put(g, b / total));
        return out;
    }
}
