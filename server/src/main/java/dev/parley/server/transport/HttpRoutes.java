package dev.parley.server.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Plain HTTP requests (not the WebSocket upgrade): {@code /healthz}, {@code /metrics}, and the
 * browser client's files. Only GET and HEAD; answers leave the event loop free (health and metrics
 * complete elsewhere and are written back when ready).
 */
final class HttpRoutes extends SimpleChannelInboundHandler<FullHttpRequest> {

    private static final String PROMETHEUS = "text/plain; version=0.0.4; charset=utf-8";

    private final HttpEndpoints endpoints;
    private final WebResources files;

    HttpRoutes(HttpEndpoints endpoints, WebResources files) {
        this.endpoints = endpoints;
        this.files = files;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        boolean head = request.method().equals(HttpMethod.HEAD);
        if (!request.method().equals(HttpMethod.GET) && !head) {
            respond(ctx, keepAlive, head, text(HttpResponseStatus.METHOD_NOT_ALLOWED, "GET or HEAD only\n"));
            return;
        }
        String path = new QueryStringDecoder(request.uri()).path();
        switch (path) {
            case "/healthz" -> later(ctx, keepAlive, head, endpoints.healthy().thenApply(ok -> ok
                    ? text(HttpResponseStatus.OK, "ok\n")
                    : text(HttpResponseStatus.SERVICE_UNAVAILABLE, "the database does not answer\n")));
            case "/metrics" -> later(ctx, keepAlive, head, endpoints.metrics()
                    .thenApply(body -> response(HttpResponseStatus.OK, body.getBytes(StandardCharsets.UTF_8), PROMETHEUS)));
            default -> respond(ctx, keepAlive, head, file(path));
        }
    }

    private FullHttpResponse file(String path) {
        Optional<WebResources.File> found = files.find(path);
        if (found.isEmpty()) {
            return text(HttpResponseStatus.NOT_FOUND, "not found\n");
        }
        FullHttpResponse response = response(HttpResponseStatus.OK, found.get().bytes(), found.get().contentType());
        response.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-cache");
        response.headers().set("X-Content-Type-Options", "nosniff");
        response.headers().set("Content-Security-Policy",
                "default-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data:; style-src 'self'");
        return response;
    }

    private static void later(ChannelHandlerContext ctx, boolean keepAlive, boolean head,
            CompletionStage<FullHttpResponse> answer) {
        answer.whenComplete((response, error) -> ctx.executor().execute(() -> respond(ctx, keepAlive, head,
                error == null ? response : text(HttpResponseStatus.INTERNAL_SERVER_ERROR, "error\n"))));
    }

    private static void respond(ChannelHandlerContext ctx, boolean keepAlive, boolean head, FullHttpResponse response) {
        HttpUtil.setContentLength(response, response.content().readableBytes());
        if (head) {
            response.content().clear();
        }
        if (keepAlive) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
            ctx.writeAndFlush(response);
        } else {
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }

    private static FullHttpResponse text(HttpResponseStatus status, String body) {
        return response(status, body.getBytes(StandardCharsets.UTF_8), "text/plain; charset=utf-8");
    }

    private static FullHttpResponse response(HttpResponseStatus status, byte[] body, String contentType) {
        ByteBuf content = Unpooled.wrappedBuffer(body);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, content);
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
        return response;
    }
}
