package io.github.redissidecar.keys;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Spends the sampler's budget: how many keys a poll may have sampled, and from which databases. Samples follow the
 * polls ({@code samplesPerPoll} each), so that sampling costs Redis a fixed share of what the polls cost at any
 * scrape interval, and never more than {@code samplesPerMinute} (a 1 s poll interval would otherwise multiply it:
 * a token bucket refilled by the time since the previous poll, holding at most one poll's worth). Databases share
 * a poll's samples evenly, the first one served rotating, so each window fills at the same pace whatever the
 * databases' sizes.
 */
public final class SampleBudget {

    private final int perPoll;
    private final double perMilli;
    private double tokens;
    private long lastMillis;
    private boolean started;
    private int rotation;

    /** @param samplesPerPoll allowed by each poll; @param samplesPerMinute the most in any minute */
    public SampleBudget(int samplesPerPoll, int samplesPerMinute) {
        this.perPoll = samplesPerPoll;
        this.perMilli = samplesPerMinute / 60_000.0;
        this.tokens = samplesPerPoll;
    }

    /**
     * Samples for the poll made at {@code nowMillis} (any monotonic clock) per database, for the databases that
     * hold keys; none when the list is empty.
     */
    public synchronized Map<Integer, Integer> forPoll(List<Integer> databasesWithKeys, long nowMillis) {
        if (started) {
            tokens = Math.min(perPoll, tokens + (nowMillis - lastMillis) * perMilli);
        }
        started = true;
        lastMillis = nowMillis;
        Map<Integer, Integer> out = new LinkedHashMap<>();
        if (databasesWithKeys.isEmpty()) {
            return out;
        }
        int count = (int) tokens;
        tokens -= count;
        int dbs = databasesWithKeys.size();
        for (int i = 0; i < dbs; i++) {
            int share = count / dbs + (i < count % dbs ? 1 : 0);
            if (share > 0) {
                out.put(databasesWithKeys.get((i + rotation) % dbs), share);
            }
        }
        // Rotated by what was handed out, so that one sample a poll still alternates between databases.
        rotation = (rotation + count) % dbs;
        return out;
    }
}
