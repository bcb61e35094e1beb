package io.github.redissidecar.keys;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Spends the configured samples per minute: how many keys each tick may sample, and from which databases. The
 * fraction a tick cannot spend is carried to the next, so 30 per minute at one tick a second is one every other
 * tick. Databases share a tick's samples evenly, the first one served rotating, so each window fills at the same
 * pace whatever the databases' sizes.
 */
public final class SampleBudget {

    private final double perTick;
    private double carried;
    private int rotation;

    /** @param samplesPerMinute the budget; @param tickMillis how often {@link #next} is called */
    public SampleBudget(int samplesPerMinute, long tickMillis) {
        this.perTick = samplesPerMinute * tickMillis / 60_000.0;
    }

    /** Samples for this tick per database, for the databases that hold keys; none when the list is empty. */
    public synchronized Map<Integer, Integer> next(List<Integer> databasesWithKeys) {
        Map<Integer, Integer> out = new LinkedHashMap<>();
        if (databasesWithKeys.isEmpty()) {
            return out;
        }
        carried += perTick;
        int count = (int) carried;
        carried -= count;
        int dbs = databasesWithKeys.size();
        for (int i = 0; i < dbs; i++) {
            int share = count / dbs + (i < count % dbs ? 1 : 0);
            if (share > 0) {
                out.put(databasesWithKeys.get((i + rotation) % dbs), share);
            }
        }
        // Rotated by what was handed out, so that one sample every other tick still alternates between databases.
        rotation = (rotation + count) % dbs;
        return out;
    }
}
