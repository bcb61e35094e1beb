package io.github.redissidecar.settings;

/**
 * Tells which server life a poll belongs to. A restart shows as a new {@code run_id}, or, should the id ever
 * repeat, as {@code uptime_in_seconds} going backwards; a reconnect to the same server is not a restart. At first
 * contact, a Redis that has been up no longer than the sidecar plus the adopt-after window started together with
 * the sidecar (a redeploy, a compose up, a restart while the sidecar was down); an older one is adopted.
 */
public final class ServerLives {

    /** What one observation says about the server. */
    public enum Event {
        /** The first server seen, started within the adopt-after window of the sidecar's own start. */
        FIRST_CONTACT_FRESH,
        /** The first server seen, up since before that window: a long-running Redis the sidecar adopts. */
        FIRST_CONTACT_ADOPTED,
        /** The server life seen before. */
        SAME_LIFE,
        /** A new server life: Redis restarted since the previous observation. */
        RESTART
    }

    private final long adoptAfterSeconds;
    private String runId;
    private long uptimeSeconds;

    /** @param adoptAfterSeconds how much older than the sidecar a Redis may be and still count as started with it */
    public ServerLives(long adoptAfterSeconds) {
        this.adoptAfterSeconds = adoptAfterSeconds;
    }

    /**
     * @param sidecarUptimeSeconds how long the sidecar has been running; both uptimes in whole seconds, as Redis
     *     reports its own
     */
    public synchronized Event observe(String runId, long uptimeSeconds, long sidecarUptimeSeconds) {
        Event event;
        if (this.runId == null) {
            event = uptimeSeconds <= sidecarUptimeSeconds + adoptAfterSeconds ? Event.FIRST_CONTACT_FRESH
                    : Event.FIRST_CONTACT_ADOPTED;
        } else if (!this.runId.equals(runId) || uptimeSeconds < this.uptimeSeconds) {
            event = Event.RESTART;
        } else {
            event = Event.SAME_LIFE;
        }
        this.runId = runId;
        this.uptimeSeconds = uptimeSeconds;
        return event;
    }
}
