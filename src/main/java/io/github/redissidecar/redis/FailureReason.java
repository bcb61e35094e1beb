package io.github.redissidecar.redis;

import java.io.IOException;
import java.util.Locale;

/** Why talking to Redis failed; the {@code reason} label of {@code redis_sidecar_poll_errors_total}. */
public enum FailureReason {
    CONNECT, AUTH, TIMEOUT, TLS, PERMISSION,
    /** Redis is up but still loading its dataset and refuses the connection check. */
    LOADING,
    PROTOCOL;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Classifies a failure by the Redis error prefix or the exception chain. */
    public static FailureReason of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            FailureReason reason = ofOne(t);
            if (reason != null) {
                return reason;
            }
        }
        return PROTOCOL;
    }

    private static FailureReason ofOne(Throwable t) {
        String message = t.getMessage() == null ? "" : t.getMessage();
        String type = t.getClass().getName();
        if (message.startsWith("WRONGPASS") || message.startsWith("NOAUTH") || message.contains("invalid password")
                || message.contains("invalid username-password") || message.contains("AUTH <password> called")
                || message.contains("without any password configured")) {
            return AUTH;
        }
        if (message.startsWith("LOADING")) {
            return LOADING;
        }
        if (message.startsWith("NOPERM")) {
            return PERMISSION;
        }
        if (type.contains("Timeout") || t instanceof java.util.concurrent.TimeoutException) {
            return TIMEOUT;
        }
        if (type.startsWith("javax.net.ssl.") || type.contains("Ssl") || type.contains("SSL")) {
            return TLS;
        }
        if (t instanceof IOException || type.contains("ConnectException") || message.contains("Connection refused")) {
            return CONNECT;
        }
        return null;
    }
}
