package io.github.redissidecar.settings;

/**
 * Tells a new server life from the same one seen again. A restart shows as a new {@code run_id}, or, should the
 * id ever repeat, as {@code uptime_in_seconds} going backwards. A reconnect to the same server is not a restart.
 */
public final class RestartDetector {

    private String runId;
    private long uptimeSeconds;

    /** Records an observation; true when it belongs to a different server life than the previous one. */
    public synchronized boolean observe(String runId, long uptimeSeconds) {
        boolean restarted = this.runId != null
                && (!this.runId.equals(runId) || uptimeSeconds < this.uptimeSeconds);
        this.runId = runId;
        this.uptimeSeconds = uptimeSeconds;
        return restarted;
    }
}
