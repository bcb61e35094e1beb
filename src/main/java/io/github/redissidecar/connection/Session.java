package io.github.redissidecar.connection;

import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One connection of {@link RedisLink}, from the handshake to its loss.
 *
 * @param databases the server's {@code databases} setting, 0 when unknown
 * @param closing whether QUIT was sent
 * @param proven whether the connection has answered a command: only then does the reconnect backoff start again
 * @param guard the reply limits' check, absent when it could not be installed
 */
record Session(Redis client, RedisConnection connection, int databases, long acceptedAtNanos, AtomicBoolean closing,
        AtomicBoolean proven, Optional<ReplyGuard> guard) {

    // Asks Redis to close the connection (QUIT) and closes the client once it has: closing the client first makes
    // Vert.x's pool mark the connection closed and then see it end a second time. A Redis that does not answer
    // (frozen) gets its client closed after the command timeout anyway.
    void close(Vertx vertx, Duration commandTimeout) {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        connection.endHandler(v -> client.close());
        connection.send(Request.cmd(Command.QUIT));
        vertx.setTimer(commandTimeout.toMillis(), id -> client.close());
    }

    /** The limit the server broke, if it did (the connection is closed then). */
    Optional<String> broken() {
        return guard.flatMap(ReplyGuard::violation);
    }
}
