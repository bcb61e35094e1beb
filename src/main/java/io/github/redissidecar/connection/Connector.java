package io.github.redissidecar.connection;

import io.github.redissidecar.redis.FailureReason;
import io.github.redissidecar.redis.RedisFailure;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One connection attempt: the client with this attempt's credentials, its connection with the reply limits in front
 * of its parser from the first byte (HELLO's reply included), and the {@link Handshake}. A failure anywhere closes
 * what was opened.
 */
final class Connector {

    private final Vertx vertx;
    private final ClientOptions options;
    private final Duration connectTimeout;
    private final Duration commandTimeout;

    Connector(Vertx vertx, ClientOptions options, Duration connectTimeout, Duration commandTimeout) {
        this.vertx = vertx;
        this.options = options;
        this.connectTimeout = connectTimeout;
        this.commandTimeout = commandTimeout;
    }

    Future<Session> connect(List<String> auth) {
        Redis client;
        GuardedConnections guarded = new GuardedConnections(vertx);
        try {
            client = Redis.createClient(guarded.vertx(), options.build(auth));
        } catch (RuntimeException e) {
            return Future.failedFuture(e); // retried like any failure, rather than thrown where nobody hears it
        }
        long timeout = connectTimeout.toMillis();
        return client.connect().timeout(timeout, TimeUnit.MILLISECONDS).onFailure(e -> client.close())
                .recover(e -> Future.failedFuture(guarded.violation().<Throwable>map(v -> new RedisFailure(
                        FailureReason.PROTOCOL, v + "; connection closed")).orElse(e)))
                .compose(connection -> {
                    long acceptedAt = System.nanoTime();
                    Optional<ReplyGuard> guard = guarded.guard();
                    return new Handshake(connection, options, auth).run().timeout(timeout, TimeUnit.MILLISECONDS)
                            .transform(shaken -> {
                                Session s = new Session(client, connection, shaken.succeeded() ? shaken.result()
                                        : 0, acceptedAt, new AtomicBoolean(), new AtomicBoolean(), guard);
                                Optional<String> broken = s.broken();
                                if (shaken.succeeded() && broken.isEmpty()) {
                                    return Future.succeededFuture(s);
                                }
                                s.close(vertx, commandTimeout);
                                return Future.failedFuture(broken.<Throwable>map(v -> new RedisFailure(
                                        FailureReason.PROTOCOL, v + "; connection closed")).orElse(shaken.cause()));
                            });
                });
    }
}
