package dev.parley.server.transport;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses, with 403, a WebSocket handshake (on any path) from a web page {@link WebSocketOrigins}
 * does not allow, before Netty's WebSocket handler sees it; every other request passes.
 */
final class WebSocketOriginHandler extends ChannelInboundHandlerAdapter {

    private static final Logger log = LoggerFactory.getLogger(WebSocketOriginHandler.class);
    private static final int LOGGED_ORIGIN_LENGTH = 100;

    private final WebSocketOrigins origins;

    WebSocketOriginHandler(WebSocketOrigins origins) {
        this.origins = origins;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        if (message instanceof FullHttpRequest request
                && isWebSocketHandshake(request)
                && !origins.allow(request.headers())) {
            String origin = request.headers().get(HttpHeaderNames.ORIGIN);
            request.release();
            log.info(
                    "HTTP connection from {} refused: WebSocket from the page of origin {}, which is not allowed",
                    ClientAddress.ip(ctx.channel()),
                    printable(origin));
            ctx.writeAndFlush(forbidden()).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        ctx.fireChannelRead(message);
    }

    /** The origin as it may go into the log: short, and without control characters. */
    private static String printable(String origin) {
        String shown =
                origin.length() > LOGGED_ORIGIN_LENGTH ? origin.substring(0, LOGGED_ORIGIN_LENGTH) + "..." : origin;
        return shown.replaceAll("[^\\x20-\\x7e]", "?");
    }

    private static boolean isWebSocketHandshake(FullHttpRequest request) {
        return request.headers().containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true);
    }

    private static FullHttpResponse forbidden() {
        byte[] body = "WebSocket connections from this web page's origin are not allowed (http.allowed-origins).\n"
                .getBytes(StandardCharsets.UTF_8);
        FullHttpResponse response = new DefaultFullHttpResponse(
                HttpVersion.HTTP_1_1, HttpResponseStatus.FORBIDDEN, Unpooled.wrappedBuffer(body));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
        response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        HttpUtil.setContentLength(response, body.length);
        return response;
    }
}
