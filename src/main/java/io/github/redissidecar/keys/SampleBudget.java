package io.github.redissidecar.keys;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Spends the sampler's budget: how many keys each tick may sample, and from which databases. Samples follow the
 * polls (each poll allows {@code samplesPerPoll}), so that sampling costs Redis a fixed share of what the polls
 * cost at any scrape interval, and never more than {@code samplesPerMinute} (a 1 s poll interval would otherwise
 * multiply it). The fraction a tick cannot spend is carried to the next. Databases share a tick's samples evenly,
 * the first one served rotating, so each window fills at the same pace whatever the databases' sizes.
 */
public final class SampleBudget {

    private final int perPoll;
    private final double perTick;
    private final double rateCap;
    private double fromPolls;
    private double fromRate;
    private int rotation;

    /**
     * @param samplesPerPoll allowed by each new poll; @param samplesPerMinute the most in any minute
     * @param tickMillis how often {@link #next} is called
     */
    public SampleBudget(int samplesPerPoll, int samplesPerMinute, long tickMillis) {
        this.perPoll = samplesPerPoll;
        this.perTick = samplesPerMinute * tickMillis / 60_000.0;
        this.rateCap = Math.max(samplesPerPoll, perTick);
        this.fromRate = rateCap;
    }

    /**
     * Samples for this tick per database, for the databases that hold keys; none when the list is empty.
     * {@code newPoll}: a poll has completed since the previous tick.
     */
    public synchronized Map<Integer, Integer> next(List<Integer> databasesWithKeys, boolean newPoll) {
        fromRate = Math.min(rateCap, fromRate + perTick);
        if (newPoll) {
            fromPolls = Math.min(2.0 * perPoll, fromPolls + perPoll);
        }
        Map<Integer, Integer> out = new LinkedHashMap<>();
        if (databasesWithKeys.isEmpty()) {
            return out;
        }
        int count = (int) Math.min(fromPolls, fromRate);
        fromPolls -= count;
        fromRate -= count;
        int dbs = databasesWithKeys.size();
        for (int i = 0; i < dbs; i++) {
            int share = count / dbs + (i < count % dbs ? 1 : 0);
            if (share > 0) {
                out.put(databasesWithKeys.get((i + rotation) % dbs), share);
            }
        }
        // Rotated by what was handed out, so that one sample a tick still alternates between databases.
        rotation = (rotation + count) % dbs;
        return out;
    }
}
