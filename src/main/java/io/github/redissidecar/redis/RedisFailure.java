package io.github.redissidecar.redis;

/**
 * A failed Redis exchange. The message is built by us from the address (never with credentials) and the server's
 * or socket's own words, cleaned by {@link ServerText} where they are taken in (a server may echo the password).
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
