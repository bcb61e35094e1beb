package io.github.redissidecar.connection;

import io.github.redissidecar.redis.FailureReason;
import io.github.redissidecar.redis.RedisAddress;
import io.github.redissidecar.redis.RedisFailure;
import org.jboss.logging.Logger;

/**
 * Logs connection state changes only: one line when the link comes up, one when it fails for a new reason. A
 * Redis that stays down for hours costs two log lines, not one per retry. After a protocol failure (a reply no Redis
 * gives), a new connection is news only once it has answered a command: a server that accepts every connection and
 * breaks it at the first reply costs one line, not two per reconnect.
 */
final class StateLog {

    private final Logger log;
    private final RedisAddress address;
    private String lastFailure;
    private boolean everConnected;
    private boolean probation;

    StateLog(Logger log, RedisAddress address) {
        this.log = log;
        this.address = address;
    }

    synchronized void connected() {
        if (FailureReason.PROTOCOL.name().equals(lastFailure)) {
            probation = true;
            return;
        }
        log.infof("%s to Redis at %s", everConnected ? "Reconnected" : "Connected", address);
        everConnected = true;
        lastFailure = null;
    }

    /** The connection answered a command. */
    synchronized void proven() {
        if (probation) {
            probation = false;
            lastFailure = null;
            log.infof("Reconnected to Redis at %s: it answers as Redis again", address);
        }
    }

    synchronized void failing(RedisFailure failure) {
        String key = failure.reason().name();
        if (!key.equals(lastFailure)) {
            log.warnf("Redis at %s unavailable (%s): %s. Fix: %s. Retrying%s; the next change will be logged",
                    address, failure.reason().label(), failure.getMessage().replaceAll("[.\\s]+$", ""),
                    failure.reason().fix(),
                    failure.reason().outlasted() ? " fast" : " every few seconds");
            lastFailure = key;
        }
        probation = false;
    }
}
