package io.github.redissidecar.connection;

import io.github.redissidecar.redis.RedisAddress;
import io.github.redissidecar.redis.RedisFailure;
import org.jboss.logging.Logger;

/**
 * Logs connection state changes only: one line when the link comes up, one when it fails for a new reason. A
 * Redis that stays down for hours costs two log lines, not one per retry.
 */
final class StateLog {

    private final Logger log;
    private final RedisAddress address;
    private String lastFailure;
    private boolean everConnected;

    StateLog(Logger log, RedisAddress address) {
        this.log = log;
        this.address = address;
    }

    synchronized void connected() {
        log.infof("%s to Redis at %s", everConnected ? "Reconnected" : "Connected", address);
        everConnected = true;
        lastFailure = null;
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
    }
}
