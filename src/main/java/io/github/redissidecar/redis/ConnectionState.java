package io.github.redissidecar.redis;

/**
 * The connection to Redis at one moment, read whole: a new connection replaces it.
 *
 * @param number counts successful connections, 0 before the first
 * @param up whether a connection is open now
 * @param attempted whether a connection attempt has finished, successfully or not
 * @param acceptedAtNanos {@link System#nanoTime()} when Redis accepted the current connection (before AUTH)
 * @param databases the server's {@code databases} setting read at connect time; 0 when unknown (CONFIG refused)
 */
public record ConnectionState(long number, boolean up, boolean attempted, long acceptedAtNanos, int databases) {

    public static final ConnectionState NONE = new ConnectionState(0, false, false, 0, 0);

    /** The same connection, gone. */
    public ConnectionState lost() {
        return new ConnectionState(number, false, true, acceptedAtNanos, databases);
    }
}
