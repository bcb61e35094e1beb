package io.github.redissidecar.redis;

import java.io.IOException;
import java.util.Locale;

/** Why talking to Redis failed; the {@code reason} label of {@code redis_sidecar_poll_errors_total}. */
public enum FailureReason {
    CONNECT("check that Redis runs and that REDIS_ADDR points at it"),
    AUTH("set REDIS_PASSWORD or REDIS_PASSWORD_FILE (and REDIS_USER for an ACL user) to what Redis expects"),
    TIMEOUT("Redis is blocked or overloaded (SLOWLOG GET, redis-cli --latency), or raise "
            + "SIDECAR_REDIS_COMMAND_TIMEOUT"),
    TLS("check SIDECAR_REDIS_TLS_CA_FILE, the client certificate and the server certificate's host name"),
    PERMISSION("grant the sidecar's ACL user +ping +info +client|setname +config|get +config|set"),
    /** Redis is up but still loading its dataset and refuses the connection check. */
    LOADING("none needed: Redis answers once its dataset is in memory"),
    PROTOCOL("check that REDIS_ADDR points at a Redis server (rediss:// for TLS)");

    private final String fix;

    FailureReason(String fix) {
        this.fix = fix;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether retrying can outlast it (Redis restarting, unreachable, busy), rather than needing a fix. */
    public boolean outlasted() {
        return this == CONNECT || this == TIMEOUT || this == LOADING;
    }

    /** What an operator does about it, for the log line and /status. */
    public String fix() {
        return fix;
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
        // A failed batch (RedisLink.batch) reports the failing command's error as "ERR [index] NOPERM ...".
        String message = t.getMessage() == null ? "" : t.getMessage().replaceFirst("^ERR \\[\\d+] ", "");
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
