package io.github.redissidecar.connection;

import io.github.redissidecar.config.SidecarConfig;
import io.github.redissidecar.redis.FailureReason;
import io.github.redissidecar.redis.RedisCommands;
import io.github.redissidecar.redis.RedisFailure;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;

/**
 * The sidecar's own connection (HELLO, AUTH from the password or its file, TLS, the client name) for a command that
 * runs without the server, such as {@code scan}: the same code as the sidecar's, so the same settings reach Redis
 * the same way.
 */
public final class StandaloneRedis implements AutoCloseable {

    private final Vertx vertx;
    private final RedisLink link;
    private final VertxRedisCommands commands;

    private StandaloneRedis(Vertx vertx, RedisLink link) {
        this.vertx = vertx;
        this.link = link;
        this.commands = new VertxRedisCommands(link);
    }

    /** Connects, waiting up to {@code wait}; fails with the last reason the connection gave. */
    public static StandaloneRedis open(SidecarConfig config, Duration wait) throws RedisFailure {
        Vertx vertx = Vertx.vertx();
        StandaloneRedis redis = new StandaloneRedis(vertx, new RedisLink(vertx, config));
        redis.link.start();
        long deadline = System.nanoTime() + wait.toNanos();
        RedisFailure last = new RedisFailure(FailureReason.CONNECT, "no connection to " + redis.link.address()
                + " within " + wait.toSeconds() + " s");
        while (System.nanoTime() < deadline) {
            try {
                redis.commands.info(List.of("server"));
                return redis;
            } catch (RedisFailure failure) {
                last = failure;
                if (failure.reason() == FailureReason.AUTH || failure.reason() == FailureReason.PERMISSION) {
                    break; // waiting cannot fix a password or an ACL
                }
                try {
                    Thread.sleep(100); // the link reconnects on its own; this only waits for it
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        redis.close();
        throw last;
    }

    public RedisCommands commands() {
        return commands;
    }

    @Override
    public void close() {
        link.stop();
        vertx.close();
    }
}
