package io.github.redissidecar.connection;

import io.github.redissidecar.redis.FailureReason;
import io.github.redissidecar.redis.RedisAddress;
import io.github.redissidecar.redis.RedisFailure;
import io.github.redissidecar.redis.ServerText;
import java.util.List;

/**
 * The messages of the link's failures. Every message built from the server's or the socket's words goes through
 * {@link #clean}: the credentials of the latest attempt masked, control characters escaped, the length bounded.
 */
final class FailureWords {

    private final RedisAddress address;
    private volatile List<String> secrets = List.of();

    FailureWords(RedisAddress address) {
        this.address = address;
    }

    /** The credentials sent on the latest attempt: what a server might echo. */
    void secrets(List<String> credentials) {
        secrets = List.copyOf(credentials);
    }

    String clean(String serverText) {
        return ServerText.clean(serverText, secrets);
    }

    String describe(Throwable t) {
        String message = t == null || t.getMessage() == null ? String.valueOf(t) : t.getMessage();
        return address + ": " + clean(message);
    }

    RedisFailure overLimit(String violation) {
        return new RedisFailure(FailureReason.PROTOCOL, address + ": " + violation + "; connection closed");
    }
}
