package dev.parley.server.transport;

import dev.parley.server.metrics.TransportConnections;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import java.net.InetSocketAddress;

/**
 * Turns an HTTP connection into an IRC connection once its WebSocket handshake on {@code /ws} is
 * complete: the plain-HTTP routes, idle clock, gate, request deadline, security headers and origin
 * check leave the pipeline, the frame-to-line codec
 * and the same {@link ConnectionHandler} as on TCP come in, and the session starts; from then on
 * the IRC limits (per-IP connections, registration and ping timeouts, flood control) apply, to
 * the client a trusted reverse proxy names in {@code X-Forwarded-For} or {@code Forwarded} when the
 * handshake came through one.
 */
final class WebSocketUpgrade extends ChannelInboundHandlerAdapter {

    static final String TEXT = "text.ircv3.net";
    static final String BINARY = "binary.ircv3.net";
    /** The names of the plain-HTTP stages that end with the upgrade. */
    static final String IDLE = "http-idle";

    static final String GATE = "http-gate";
    static final String DEADLINE = "http-request-deadline";
    static final String ARRIVED = "http-request-arrived";
    static final String SECURITY_HEADERS = "http-security-headers";
    static final String ORIGIN = "websocket-origin";
    /** Netty's WebSocket protocol handler; the frame decoder is put just before it at the handshake. */
    static final String PROTOCOL = "websocket";

    private final ConnectionHandler.TransportWiring wiring;
    private final TransportConnections counted;
    private final ForwardedFor forwardedFor;

    WebSocketUpgrade(
            ConnectionHandler.TransportWiring wiring, TransportConnections counted, ForwardedFor forwardedFor) {
        this.wiring = wiring;
        this.counted = counted;
        this.forwardedFor = forwardedFor;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (!(event instanceof WebSocketServerProtocolHandler.HandshakeComplete handshake)) {
            ctx.fireUserEventTriggered(event);
            return;
        }
        boolean binary = BINARY.equals(handshake.selectedSubprotocol());
        InetSocketAddress known = ClientAddress.of(ctx.channel());
        if (known != null) {
            ClientAddress.set(ctx.channel(), forwardedFor.client(known, handshake.requestHeaders()));
        }
        var pipeline = ctx.pipeline();
        pipeline.remove(HttpRoutes.class);
        pipeline.remove(IDLE);
        pipeline.remove(GATE);
        pipeline.remove(DEADLINE);
        pipeline.remove(ARRIVED);
        pipeline.remove(SECURITY_HEADERS);
        pipeline.remove(ORIGIN);
        pipeline.addBefore(PROTOCOL, "ws-violations", new FrameViolationHandler()); // right after the frame decoder
        pipeline.addLast("ws-lines", new WebSocketLines(binary));
        pipeline.addLast("session", new ConnectionHandler(wiring));
        pipeline.remove(this);
        counted.opened();
        ctx.channel().closeFuture().addListener(closed -> counted.closed());
        pipeline.context("ws-lines").fireChannelActive();
    }
}
