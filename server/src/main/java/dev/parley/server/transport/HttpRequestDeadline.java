package dev.parley.server.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole-request deadline ({@code http.request-timeout}): a request must arrive whole within it
 * of its first byte, or the connection gets 408 and is closed. The idle clock alone restarts on
 * every byte, so a header sent a byte a second (slowloris) held a connection forever.
 *
 * <p>Sits before the HTTP codec, where it sees the first bytes of a request; its {@link #arrived()}
 * half sits after the aggregator, where a whole request comes out, and stops the clock. Between
 * requests nothing runs: a silent keep-alive connection is the idle clock's.
 */
final class HttpRequestDeadline extends ChannelInboundHandlerAdapter {

    private static final Logger log = LoggerFactory.getLogger(HttpRequestDeadline.class);
    private static final String BODY = "The request took too long to arrive.\n";
    private static final byte[] TIMED_OUT = ("HTTP/1.1 408 Request Timeout\r\n"
                    + "Content-Type: text/plain; charset=utf-8\r\nContent-Length: " + BODY.length() + "\r\n"
                    + HttpSecurityHeaders.asText() + "Connection: close\r\n\r\n" + BODY)
            .getBytes(StandardCharsets.US_ASCII);

    private final Duration timeout;
    private ScheduledFuture<?> clock;
    private boolean expired;

    HttpRequestDeadline(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        if (expired) {
            ReferenceCountUtil.release(message);
            return;
        }
        if (clock == null && message instanceof ByteBuf bytes && bytes.isReadable()) {
            clock = ctx.executor().schedule(() -> expire(ctx), timeout.toNanos(), TimeUnit.NANOSECONDS);
        }
        ctx.fireChannelRead(message);
    }

    /** The handler that stops the clock when a whole request has come through the aggregator. */
    ChannelInboundHandlerAdapter arrived() {
        return new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object message) {
                if (message instanceof FullHttpRequest) {
                    stop();
                }
                ctx.fireChannelRead(message);
            }
        };
    }

    /**
     * Answers 408 and ends the connection: our side at once, the socket after a linger in which what
     * the client still sends is read and dropped. Closing a socket with unread bytes makes the kernel
     * reset it, and the reset can destroy the answer before the client reads it.
     */
    private void expire(ChannelHandlerContext ctx) {
        clock = null;
        expired = true;
        log.info(
                "HTTP connection from {} closed: no whole request within {} ms",
                ClientAddress.ip(ctx.channel()),
                timeout.toMillis());
        ctx.writeAndFlush(Unpooled.wrappedBuffer(TIMED_OUT)).addListener((ChannelFutureListener) written -> {
            if (ctx.channel() instanceof DuplexChannel duplex) {
                duplex.shutdownOutput();
            }
            ctx.executor()
                    .schedule(
                            () -> ctx.channel().close(),
                            FrameViolationHandler.LINGER.toMillis(),
                            TimeUnit.MILLISECONDS);
        });
    }

    private void stop() {
        if (clock != null) {
            clock.cancel(false);
            clock = null;
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        stop();
        ctx.fireChannelInactive();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        stop();
    }
}
