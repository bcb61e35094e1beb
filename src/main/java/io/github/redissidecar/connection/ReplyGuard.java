package io.github.redissidecar.connection;

import io.github.redissidecar.redis.ReplyLimits;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.vertx.core.net.impl.NetSocketInternal;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.impl.PooledRedisConnection;
import io.vertx.redis.client.impl.RedisStandaloneConnection;
import java.lang.reflect.Field;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Checks the bytes of one connection against {@link ReplyLimits} before the Redis client's parser sees them, and
 * closes the connection at the first reply over a limit; what arrives after that is dropped. The client offers no
 * such limits of its own (its maxNestedArrays overflows with an exception per read, and its only size check is
 * Redis's own 512 MB), so the check sits in the connection's Netty pipeline, after TLS, before the client's handler.
 */
@RegisterForReflection(targets = RedisStandaloneConnection.class, fields = true)
final class ReplyGuard extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = Logger.getLogger(ReplyGuard.class);
    private static final AtomicBoolean UNCHECKED_LOGGED = new AtomicBoolean();

    private final ReplyLimits limits = new ReplyLimits();
    private volatile String violation;

    /**
     * Puts a guard in front of {@code connection}'s parser, or returns empty when the client's internals are not as
     * expected (a new client version): the connection then works unchecked, and the caller says so.
     */
    static Optional<ReplyGuard> install(RedisConnection connection) {
        Optional<ReplyGuard> guard = tryInstall(connection);
        if (guard.isEmpty() && UNCHECKED_LOGGED.compareAndSet(false, true)) {
            LOG.warn("Replies from Redis are not checked against the reply limits: this version of the Redis "
                    + "client keeps its connection elsewhere; a hostile server could exhaust the sidecar's memory");
        }
        return guard;
    }

    private static Optional<ReplyGuard> tryInstall(RedisConnection connection) {
        try {
            if (!(connection instanceof PooledRedisConnection pooled)
                    || !(pooled.actual() instanceof RedisStandaloneConnection standalone)) {
                return Optional.empty();
            }
            // The client keeps its socket private; reading the field is the one way into the pipeline it set up.
            Field field = RedisStandaloneConnection.class.getDeclaredField("netSocket");
            field.setAccessible(true);
            if (!(field.get(standalone) instanceof NetSocketInternal socket)) {
                return Optional.empty();
            }
            ReplyGuard guard = new ReplyGuard();
            ChannelPipeline pipeline = socket.channelHandlerContext().pipeline();
            pipeline.addBefore(socket.channelHandlerContext().name(), "sidecar-reply-limits", guard);
            return Optional.of(guard);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Which limit the server broke, if it did: the connection is closed then. */
    Optional<String> violation() {
        return Optional.ofNullable(violation);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof ByteBuf buf)) {
            ctx.fireChannelRead(msg);
            return;
        }
        if (violation != null || buf.forEachByte(limits::accept) >= 0) {
            buf.release();
            if (violation == null) {
                violation = limits.violation().orElse("the server broke a reply limit");
                ctx.close();
            }
            return;
        }
        ctx.fireChannelRead(msg);
    }
}
