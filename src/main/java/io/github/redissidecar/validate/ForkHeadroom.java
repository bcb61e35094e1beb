package io.github.redissidecar.validate;

import java.util.Locale;
import java.util.Optional;

/**
 * Whether a persisting Redis fits its container while it forks. The rule, from Redis's administration guide:
 * "while saving an RDB file on disk or rewriting the AOF log Redis may use up to 2 times the memory normally used"
 * (copy-on-write of every page written during the save), and maxmemory should leave room for "the overhead for
 * Redis, other than data, and the fragmentation overhead" ("if you think you have 10 GB of free memory, set it to
 * 8 or 9"). So the container needs maxmemory × 2 for the fork plus 10 % of maxmemory for fragmentation, client and
 * replication buffers: maxmemory × 2.1, i.e. maxmemory at most 47.6 % of the limit.
 */
public final class ForkHeadroom {

    /** Worst-case copy-on-write (the dataset twice) plus 10 % overhead, in tenths. */
    static final long NEEDED_TENTHS = 21;
    static final String ADMIN_DOCS = "https://redis.io/docs/latest/operate/oss_and_stack/management/admin/";
    static final String PERSISTENCE_DOCS = "https://redis.io/docs/latest/operate/oss_and_stack/management/"
            + "persistence/";

    private ForkHeadroom() {
    }

    /** In one unit, so that the numbers of one message add up: {@code 1075.2 MiB}, not {@code 1.0 GiB}. */
    static String mib(long bytes) {
        double mib = bytes / (double) (1L << 20);
        return (mib == Math.rint(mib) ? String.format(Locale.ROOT, "%.0f", mib)
                : String.format(Locale.ROOT, "%.1f", mib)) + " MiB";
    }

    /** The largest maxmemory that leaves the headroom in {@code limit}. */
    public static long largestMaxmemory(long limit) {
        return limit * 10 / NEEDED_TENTHS;
    }

    /**
     * @param persistence what forks: {@code RDB}, {@code AOF} or {@code RDB and AOF}
     * @return a warning with the numbers, or empty when the limit leaves the headroom
     */
    /** @param backlog the replication backlog (repl-backlog-size) Redis keeps on top, 0 when it does not replicate */
    public static Optional<Finding> check(String source, long maxmemory, long limit, String persistence,
            long backlog) {
        long needed = maxmemory / 10 * NEEDED_TENTHS + maxmemory % 10 * NEEDED_TENTHS / 10 + backlog;
        if (needed <= limit) {
            return Optional.empty();
        }
        long largest = largestMaxmemory(limit - backlog);
        String message = String.format(Locale.ROOT, "maxmemory %s with %s persistence in a container limited to %s "
                + "(%.1f%%) leaves too little headroom for fork copy-on-write: needs %s x 2.1%s = %s, %s over the "
                + "limit, so a save or AOF rewrite under writes can get Redis OOM-killed. Assumption: while it "
                + "saves, Redis may use up to 2 times the memory normally used (every page written during the fork "
                + "is copied), plus 10%% of maxmemory for fragmentation, client and replication buffers; sources: "
                + "%s (Memory), %s (fork, copy-on-write)", mib(maxmemory), persistence, mib(limit),
                100.0 * maxmemory / limit, mib(maxmemory), backlog > 0 ? " + the replication backlog of "
                + mib(backlog) : "", mib(needed), mib(needed - limit), ADMIN_DOCS, PERSISTENCE_DOCS);
        String fix = String.format(Locale.ROOT, "lower maxmemory to at most %s (%d bytes, %.1f%% of the limit), or "
                + "raise the container limit to at least %s, or drop the persistence this Redis does not need "
                + "(a cache: save \"\" and appendonly no)", mib(largest), largest, 100.0 * largest / limit,
                mib(needed));
        return Optional.of(Finding.warning(source, message, fix));
    }
}
