package dev.parley.server.transport;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a bad WebSocket frame (too long, or breaking the protocol) with its close code (1009,
 * 1002) and closes the connection a moment later, not at once. Sits right after Netty's frame
 * decoder, which keeps reading and discarding what the client still sends. Closing a socket with
 * unread bytes in it makes the kernel reset the connection, and a reset can destroy the close
 * frame before the client reads it: this happened with a client still sending the rest of an
 * oversized frame when Netty closed at once.
 */
final class FrameViolationHandler extends ChannelInboundHandlerAdapter {

    /** How long the client has to read the close frame and close its side. */
    static final Duration LINGER = Duration.ofSeconds(2);

    private static final Logger log = LoggerFactory.getLogger(FrameViolationHandler.class);

    private boolean closing;

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (!(cause instanceof CorruptedWebSocketFrameException bad)) {
            ctx.fireExceptionCaught(cause);
            return;
        }
        if (closing) {
            return;
        }
        closing = true;
        log.info("{} closing: bad WebSocket frame ({})", ClientAddress.ip(ctx.channel()), bad.getMessage());
        ctx.writeAndFlush(new CloseWebSocketFrame(bad.closeStatus())).addListener((ChannelFutureListener) written ->
                ctx.executor().schedule(() -> ctx.channel().close(), LINGER.toMillis(), TimeUnit.MILLISECONDS));
    }
}
