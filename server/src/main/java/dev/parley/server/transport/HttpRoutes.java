package dev.parley.server.transport;

import dev.parley.server.admin.AdminApi;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.PrematureChannelClosureException;
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
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plain HTTP requests (not the WebSocket upgrade): {@code /livez}, {@code /readyz} (and its alias
 * {@code /healthz}), {@code /metrics}, the browser client's files, and, where this listener serves
 * the console, {@code /admin/} and its API. GET and HEAD only, but for the admin API's POST and
 * DELETE; answers leave the event loop free (readiness, metrics and the admin API complete
 * elsewhere and are written back when ready).
 *
 * <p>One request is answered at a time, in order: while a readiness or metrics answer is pending the
 * connection stops reading, and requests already read (pipelined) wait in a short queue; a client
 * that pipelines more than {@value #MAX_WAITING} is closed. So a connection holds at most one task
 * on the answering threads, whatever it sends.
 *
 * <p>With {@code metrics.listen} set, the public listener answers {@code /metrics} with 404 and the
 * metrics listener serves {@code /metrics}, {@code /livez} and {@code /readyz} and no files.
 */
final class HttpRoutes extends SimpleChannelInboundHandler<FullHttpRequest> {

    private static final Logger log = LoggerFactory.getLogger(HttpRoutes.class);
    private static final String PROMETHEUS = "text/plain; version=0.0.4; charset=utf-8";
    static final int MAX_WAITING = 16;

    private final HttpEndpoints endpoints;
    private final Optional<WebResources> files;
    private final boolean servesMetrics;
    private final Runnable onError;
    /** The admin console's API, or null when this listener does not serve the console. */
    private final AdminExchange admin;

    private final Deque<FullHttpRequest> waiting = new ArrayDeque<>();
    private boolean answering;

    HttpRoutes(HttpEndpoints endpoints, Optional<WebResources> files, boolean servesMetrics, Runnable onError) {
        this(endpoints, files, servesMetrics, onError, null);
    }

    /**
     * @param files the browser client's files, or empty on the metrics listener
     * @param servesMetrics whether {@code /metrics} is answered here (404 otherwise)
     * @param admin the admin API, or null when this listener does not serve the console
     */
    HttpRoutes(
            HttpEndpoints endpoints,
            Optional<WebResources> files,
            boolean servesMetrics,
            Runnable onError,
            AdminExchange admin) {
        this.endpoints = endpoints;
        this.files = files;
        this.servesMetrics = servesMetrics;
        this.onError = onError;
        this.admin = admin;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (!answering) {
            route(ctx, request);
        } else if (waiting.size() < MAX_WAITING) {
            waiting.add(request.retain());
        } else {
            log.info(
                    "HTTP connection from {} closed: more than {} requests pipelined",
                    ClientAddress.ip(ctx.channel()),
                    MAX_WAITING);
            ctx.close();
        }
    }

    private void route(ChannelHandlerContext ctx, FullHttpRequest request) {
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        boolean head = request.method().equals(HttpMethod.HEAD);
        if (!request.decoderResult().isSuccess()) {
            respond(ctx, false, false, text(HttpResponseStatus.BAD_REQUEST, "bad request\n"));
            return;
        }
        String rawPath = new QueryStringDecoder(request.uri()).rawPath();
        if (rawPath.equals("/admin") || rawPath.startsWith("/admin/")) {
            routeAdmin(ctx, request, keepAlive, head, rawPath);
            return;
        }
        if (!request.method().equals(HttpMethod.GET) && !head) {
            respond(ctx, keepAlive, head, text(HttpResponseStatus.METHOD_NOT_ALLOWED, "GET or HEAD only\n"));
            return;
        }
        Optional<String> decoded = pathOf(request.uri());
        if (decoded.isEmpty()) {
            respond(ctx, false, head, text(HttpResponseStatus.BAD_REQUEST, "bad request path\n"));
            return;
        }
        switch (decoded.get()) {
            case "/livez" -> respond(ctx, keepAlive, head, text(HttpResponseStatus.OK, "ok\n"));
            case "/readyz" -> later(ctx, keepAlive, head, endpoints.ready().thenApply(HttpRoutes::readiness));
            case "/healthz" -> later(ctx, keepAlive, head, endpoints.healthy().thenApply(HttpRoutes::readiness));
            case "/metrics" -> {
                if (servesMetrics) {
                    later(
                            ctx,
                            keepAlive,
                            head,
                            endpoints
                                    .metrics()
                                    .thenApply(body -> response(
                                            HttpResponseStatus.OK, body.getBytes(StandardCharsets.UTF_8), PROMETHEUS)));
                } else {
                    respond(ctx, keepAlive, head, notFound());
                }
            }
            default ->
                respond(
                        ctx,
                        keepAlive,
                        head,
                        file(decoded.get(), request.headers().get(HttpHeaderNames.IF_NONE_MATCH)));
        }
    }

    /**
     * The console: its API, its page ({@code /admin} is sent on to {@code /admin/}, where relative
     * links work), or 404 on a listener that does not serve it (it then looks like any missing file).
     */
    private void routeAdmin(
            ChannelHandlerContext ctx, FullHttpRequest request, boolean keepAlive, boolean head, String rawPath) {
        if (admin == null) {
            respond(ctx, keepAlive, head, text(HttpResponseStatus.NOT_FOUND, "not found\n"));
        } else if (rawPath.startsWith(AdminApi.PREFIX)) {
            later(ctx, keepAlive, head, admin.answer(request, ClientAddress.of(ctx.channel())));
        } else if (rawPath.equals("/admin")) {
            FullHttpResponse moved = text(HttpResponseStatus.MOVED_PERMANENTLY, "see /admin/\n");
            moved.headers().set(HttpHeaderNames.LOCATION, "/admin/");
            respond(ctx, keepAlive, head, moved);
        } else if (!request.method().equals(HttpMethod.GET) && !head) {
            respond(ctx, keepAlive, head, text(HttpResponseStatus.METHOD_NOT_ALLOWED, "GET or HEAD only\n"));
        } else {
            respond(ctx, keepAlive, head, file(rawPath, request.headers().get(HttpHeaderNames.IF_NONE_MATCH)));
        }
    }

    /** The decoded path of a request URI; empty when its percent-encoding is broken ({@code /%zz}). */
    private static Optional<String> pathOf(String uri) {
        try {
            return Optional.of(new QueryStringDecoder(uri).path());
        } catch (IllegalArgumentException badEncoding) {
            return Optional.empty();
        }
    }

    /**
     * A file, or 304 when the browser's copy is current. {@code no-cache}: the browser keeps the file
     * but asks each time, since the names do not change when a new version ships.
     */
    private FullHttpResponse file(String path, String ifNoneMatch) {
        Optional<WebResources.File> found = files.flatMap(resources -> resources.find(path));
        if (found.isEmpty()) {
            return notFound();
        }
        WebResources.File file = found.get();
        boolean current = file.etag().equals(ifNoneMatch);
        FullHttpResponse response = current
                ? response(HttpResponseStatus.NOT_MODIFIED, new byte[0], file.contentType())
                : response(HttpResponseStatus.OK, file.bytes(), file.contentType());
        response.headers().set(HttpHeaderNames.ETAG, file.etag());
        response.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-cache");
        return response;
    }

    /** Answers when {@code answer} completes; reads nothing more from the client until then. */
    private void later(
            ChannelHandlerContext ctx, boolean keepAlive, boolean head, CompletionStage<FullHttpResponse> answer) {
        answering = true;
        ctx.channel().config().setAutoRead(false);
        answer.whenComplete((response, error) -> ctx.executor().execute(() -> {
            respond(
                    ctx,
                    keepAlive,
                    head,
                    error == null ? response : text(HttpResponseStatus.INTERNAL_SERVER_ERROR, "error\n"));
            answering = false;
            answerWaiting(ctx);
            if (!answering && ctx.channel().isActive()) {
                ctx.channel().config().setAutoRead(true);
            }
        }));
    }

    private void answerWaiting(ChannelHandlerContext ctx) {
        while (!answering && ctx.channel().isActive() && !waiting.isEmpty()) {
            FullHttpRequest next = waiting.poll();
            try {
                route(ctx, next);
            } finally {
                next.release();
            }
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        releaseWaiting();
        ctx.fireChannelInactive();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        releaseWaiting();
    }

    private void releaseWaiting() {
        for (FullHttpRequest request = waiting.poll(); request != null; request = waiting.poll()) {
            request.release();
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof IOException || cause instanceof PrematureChannelClosureException) {
            // a client gone (reset, or hung up in the middle of a request): its business, not an error
            log.debug("HTTP connection from {}: {}", ClientAddress.ip(ctx.channel()), cause.getMessage());
        } else { // TLS failures never get here: TlsRefusalHandler logs them, without the client's bytes
            log.warn("HTTP connection from {}: pipeline error", ClientAddress.ip(ctx.channel()), cause);
            onError.run();
        }
        ctx.close();
    }

    private static void respond(ChannelHandlerContext ctx, boolean keepAlive, boolean head, FullHttpResponse response) {
        if (!response.status().equals(HttpResponseStatus.NOT_MODIFIED)) {
            HttpUtil.setContentLength(response, response.content().readableBytes());
        }
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

    private static FullHttpResponse notFound() {
        return text(HttpResponseStatus.NOT_FOUND, "not found\n");
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

    private static FullHttpResponse readiness(boolean ok) {
        return ok ? text(HttpResponseStatus.OK, "ok\n") : text(HttpResponseStatus.SERVICE_UNAVAILABLE, "not ready\n");
    }
}
