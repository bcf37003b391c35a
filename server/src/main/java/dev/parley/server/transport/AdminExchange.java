package dev.parley.server.transport;

import dev.parley.server.admin.AdminApi;
import dev.parley.server.admin.AdminRequest;
import dev.parley.server.admin.AdminResponse;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Carries requests under {@code /admin/api/} between Netty and the {@link AdminApi}, which knows no
 * Netty. Before the API sees a request, a browser's request from another site is refused: its
 * {@code Origin} must be the server's own (the same check as the WebSocket's, with no other origins
 * allowed), and {@code Sec-Fetch-Site}, where the browser sends it, must say same-origin. A request
 * with neither header is not from a browser's page (curl, a script) and goes on to the API's own
 * checks: a login cookie and the CSRF token.
 */
final class AdminExchange {

    private static final WebSocketOrigins OWN_ORIGIN_ONLY = new WebSocketOrigins(List.of());

    private final AdminApi api;
    private final boolean secure;

    /** @param secure whether the listener speaks HTTPS (the login cookie is then {@code Secure}) */
    AdminExchange(AdminApi api, boolean secure) {
        this.api = api;
        this.secure = secure;
    }

    CompletionStage<FullHttpResponse> answer(FullHttpRequest request, SocketAddress remote) {
        if (!sameOrigin(request)) {
            return CompletableFuture.completedFuture(
                    toNetty(AdminResponse.error(403, "cross-origin requests to the admin API are refused")));
        }
        Optional<AdminRequest> decoded = toAdmin(request, remote);
        if (decoded.isEmpty()) {
            return CompletableFuture.completedFuture(toNetty(AdminResponse.error(400, "broken percent-encoding")));
        }
        return api.answer(decoded.get()).thenApply(AdminExchange::toNetty);
    }

    static boolean sameOrigin(FullHttpRequest request) {
        String fetchSite = request.headers().get("Sec-Fetch-Site");
        boolean sameSite = fetchSite == null || fetchSite.equals("same-origin") || fetchSite.equals("none");
        return sameSite && OWN_ORIGIN_ONLY.allow(request.headers());
    }

    /** The request as the API takes it; empty when its query's percent-encoding is broken ({@code ?q=%zz}). */
    private Optional<AdminRequest> toAdmin(FullHttpRequest request, SocketAddress remote) {
        QueryStringDecoder uri = new QueryStringDecoder(request.uri());
        Map<String, String> query = new HashMap<>();
        try {
            uri.parameters().forEach((name, values) -> query.put(name, values.isEmpty() ? "" : values.get(0)));
        } catch (IllegalArgumentException badEncoding) {
            return Optional.empty();
        }
        Map<String, String> headers = new HashMap<>();
        request.headers()
                .forEach(header -> headers.putIfAbsent(header.getKey().toLowerCase(Locale.ROOT), header.getValue()));
        String rawPath = uri.rawPath();
        String ip =
                remote instanceof InetSocketAddress inet ? inet.getAddress().getHostAddress() : String.valueOf(remote);
        return Optional.of(new AdminRequest(
                request.method().name(), rawPath, query, headers, ByteBufUtil.getBytes(request.content()), ip, secure));
    }

    private static FullHttpResponse toNetty(AdminResponse answer) {
        FullHttpResponse response = new DefaultFullHttpResponse(
                HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(answer.status()),
                Unpooled.wrappedBuffer(answer.body()));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, answer.contentType());
        response.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-store");
        answer.headers().forEach(response.headers()::set);
        return response;
    }
}
