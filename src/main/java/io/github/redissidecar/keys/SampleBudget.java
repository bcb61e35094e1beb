package io.github.redissidecar.keys;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Spends the sampler's budget: which polls draw keys, how many, and from which databases. Keys come in batches of
 * at least {@code batch}, right after a poll, as often as {@code samplesPerMinute} allows (a token bucket refilled
 * by the time since the previous poll, holding two batches at most): Redis pays most for the first key drawn after
 * an idle spell, so sixteen keys at once cost it about what six single keys on six polls do. The budget is set by
 * time, not by polls, so the sampler costs the same per minute at any scrape interval. Databases share a batch
 * evenly, the first one served rotating, so each window fills at the same pace whatever the databases' sizes.
 */
public final class SampleBudget {

    private final int batch;
    private final double perMilli;
    private double tokens;
    private long lastMillis;
    private boolean started;
    private int rotation;

    /** @param batch the fewest keys drawn at once; @param samplesPerMinute keys drawn per minute, on average */
    public SampleBudget(int batch, int samplesPerMinute) {
        this.batch = batch;
        this.perMilli = samplesPerMinute / 60_000.0;
        this.tokens = batch; // the first poll draws a batch: estimates from the start, not minutes later
    }

    /**
     * Samples for the poll made at {@code nowMillis} (any monotonic clock) per database, for the databases that
     * hold keys; none when the list is empty or the budget holds less than a batch.
     */
    public synchronized Map<Integer, Integer> forPoll(List<Integer> databasesWithKeys, long nowMillis) {
        if (started) {
            tokens = Math.min(2.0 * batch, tokens + (nowMillis - lastMillis) * perMilli);
        }
        started = true;
        lastMillis = nowMillis;
        Map<Integer, Integer> out = new LinkedHashMap<>();
        // The margin: a budget of exactly one batch a poll must not miss a poll to a rounding error.
        int count = (int) (tokens + 1e-6);
        if (databasesWithKeys.isEmpty() || count < batch) {
            return out;
        }
        tokens = Math.max(0, tokens - count);
        int dbs = databasesWithKeys.size();
        for (int i = 0; i < dbs; i++) {
            int share = count / dbs + (i < count % dbs ? 1 : 0);
            if (share > 0) {
                out.put(databasesWithKeys.get((i + rotation) % dbs), share);
            }
        }
        // Rotated by what was handed out, so that batches of one still alternate between databases.
        rotation = (rotation + count) % dbs;
        return out;
    }
}
