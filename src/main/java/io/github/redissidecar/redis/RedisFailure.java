package io.github.redissidecar.redis;

/**
 * A failed Redis exchange. The message is built by us from the address (never with credentials) and the server's
 * or socket's own words, which never echo a password.
 */
public class RedisFailure extends Exception {

    private final FailureReason reason;

    public RedisFailure(FailureReason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public FailureReason reason() {
        return reason;
    }
}
