package io.github.redissidecar.connection;

import io.netty.channel.ChannelPipeline;
import io.vertx.core.Vertx;
import io.vertx.core.impl.CloseFuture;
import io.vertx.core.impl.VertxInternal;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.impl.NetClientImpl;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Optional;

/**
 * A view of Vert.x for one connection attempt, whose TCP client puts a {@link ReplyGuard} in each connection's
 * pipeline before the first byte: the Redis client sends HELLO as it connects, and a reply to HELLO (a 2 MB error, a
 * 50 MB bulk, arrays nested deeper than its parser's stack) would otherwise reach the client's parser unchecked. The
 * Redis client asks Vert.x for its TCP client and offers no hook of its own; Vert.x's TCP client has one
 * ({@code initChannel}), so this view hands out a subclass that uses it. Everything else is Vert.x itself.
 */
final class GuardedConnections {

    private final Vertx view;
    private volatile ReplyGuard latest;

    GuardedConnections(Vertx vertx) {
        VertxInternal real = (VertxInternal) vertx;
        this.view = (Vertx) Proxy.newProxyInstance(VertxInternal.class.getClassLoader(),
                new Class<?>[] {VertxInternal.class}, (proxy, method, args) -> {
                    if (method.getName().equals("createNetClient") && args != null && args.length == 1
                            && args[0] instanceof NetClientOptions options) {
                        return new Client(real, options);
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** The Vert.x to create the Redis client with. */
    Vertx vertx() {
        return view;
    }

    /** The guard of the attempt's connection (the client opens one), once it has been opened. */
    Optional<ReplyGuard> guard() {
        return Optional.ofNullable(latest);
    }

    /** Which limit the server broke on this attempt's connection, if it did. */
    Optional<String> violation() {
        return guard().flatMap(ReplyGuard::violation);
    }

    private final class Client extends NetClientImpl {

        Client(VertxInternal vertx, NetClientOptions options) {
            super(vertx, vertx.metricsSPI() == null ? null : vertx.metricsSPI().createNetClientMetrics(options),
                    options, new CloseFuture());
        }

        @Override
        protected void initChannel(ChannelPipeline pipeline) {
            super.initChannel(pipeline);
            ReplyGuard guard = new ReplyGuard();
            latest = guard;
            pipeline.addLast("sidecar-reply-limits", guard);
        }
    }
}
