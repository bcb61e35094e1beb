package io.github.redissidecar.enforce;

import io.github.redissidecar.redis.FailureReason;
import io.github.redissidecar.redis.RedisFailure;
import java.util.Locale;

/** Why a CONFIG command failed; the {@code reason} label of {@code redis_sidecar_config_reassert_failures_total}. */
enum ConfigFailure {
    /** ACL NOPERM, or CONFIG renamed or disabled: retrying would not help. */
    DENIED,
    /** Redis is loading its dataset: retry shortly. */
    LOADING,
    /** The connection broke or timed out: the next connection's check will retry. */
    CONNECTION,
    /** Redis refused the value. */
    REJECTED;

    static final String FIX = "Grant the sidecar's user the minimal ACL \"+ping +info +client|setname +config|get "
            + "+config|set\" and do not rename CONFIG; with only +config|get it reports drift";

    String label() {
        return this == DENIED ? "permission" : name().toLowerCase(Locale.ROOT);
    }

    static ConfigFailure of(RedisFailure failure) {
        String message = failure.getMessage();
        if (failure.reason() == FailureReason.PERMISSION || message.contains("unknown command")) {
            return DENIED;
        }
        if (message.contains("LOADING")) {
            return LOADING;
        }
        return switch (failure.reason()) {
            case CONNECT, TIMEOUT, TLS -> CONNECTION;
            default -> REJECTED;
        };
    }
}
