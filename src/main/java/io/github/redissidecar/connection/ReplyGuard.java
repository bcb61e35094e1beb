package io.github.redissidecar.connection;

import io.github.redissidecar.redis.ReplyLimits;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.Optional;

/**
 * Checks the bytes of one connection against {@link ReplyLimits} before the Redis client's parser sees them, and
 * closes the connection at the first reply over a limit; what arrives after that is dropped. The client offers no
 * such limits of its own (its maxNestedArrays overflows with an exception per read, and its only size check is
 * Redis's own 512 MB), so the check sits in the connection's Netty pipeline, after TLS, before the client's
 * handler, from the first byte on: {@link GuardedConnections} puts it there.
 */
final class ReplyGuard extends ChannelInboundHandlerAdapter {

    private final ReplyLimits limits = new ReplyLimits();
    private volatile String violation;

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
