package dev.parley.server.transport;

import dev.parley.server.config.ProxyConfig;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounds what plain HTTP connections may hold: at most {@code limits.connections.max-per-ip} at
 * once per IP (loopback, when exempt from that, at most {@code http.max-loopback-connections} all
 * together), and none silent longer than {@code http.idle-timeout}
 * (the {@code IdleStateHandler} before this one says when). Both end when the connection becomes a
 * WebSocket session: {@link WebSocketUpgrade} removes this handler, which frees the slot, and the
 * IRC limits take over. A trusted proxy's own connections (a reverse proxy passing requests on,
 * with no PROXY header naming a client) are not counted: every browser behind it would share its
 * slots; the WebSocket sessions it passes on are counted by client.
 */
final class HttpConnectionGate extends ChannelInboundHandlerAdapter {

    private static final Logger log = LoggerFactory.getLogger(HttpConnectionGate.class);
    private static final String REFUSAL = "Too many connections from your IP.\n";
    private static final byte[] TOO_MANY = ("HTTP/1.1 503 Service Unavailable\r\n"
                    + "Content-Type: text/plain; charset=utf-8\r\nContent-Length: " + REFUSAL.length() + "\r\n"
                    + HttpSecurityHeaders.asText() + "Connection: close\r\n\r\n" + REFUSAL)
            .getBytes(StandardCharsets.US_ASCII);

    private final ConnectionLimiter limiter;
    private final ProxyConfig proxies;
    private String ip;
    private boolean loopback;
    private boolean held;

    /** A gate that trusts no proxy (the metrics listener's). */
    HttpConnectionGate(ConnectionLimiter limiter) {
        this(limiter, ProxyConfig.defaults());
    }

    HttpConnectionGate(ConnectionLimiter limiter, ProxyConfig proxies) {
        this.limiter = limiter;
        this.proxies = proxies;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        InetSocketAddress remote = ClientAddress.of(ctx.channel());
        ip = ClientAddress.text(remote.getAddress());
        loopback = remote.getAddress().isLoopbackAddress();
        if (proxies.trusts(remote.getAddress())) {
            ctx.fireChannelActive();
            return;
        }
        if (limiter.acquire(ip, loopback) != ConnectionLimiter.Decision.ALLOWED) {
            log.info("HTTP connection from {} refused: too many at once", ip);
            ctx.writeAndFlush(Unpooled.wrappedBuffer(TOO_MANY)).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        held = true;
        ctx.fireChannelActive();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof IdleStateEvent) {
            log.debug("HTTP connection from {} closed: idle", ip);
            ctx.close();
            return;
        }
        ctx.fireUserEventTriggered(event);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        release();
        ctx.fireChannelInactive();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        release();
    }

    private void release() {
        if (held) {
            held = false;
            limiter.release(ip, loopback);
        }
    }
}
