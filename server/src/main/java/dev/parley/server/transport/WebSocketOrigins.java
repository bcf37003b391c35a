package dev.parley.server.transport;

import dev.parley.server.config.WebOrigin;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.List;
import java.util.Optional;

/**
 * Which web pages may open the WebSocket: the server's own (the page's origin names the host and
 * port the request was sent to, in {@code Host} or a proxy's {@code X-Forwarded-Host}) and those
 * configured in {@code http.allowed-origins}. A handshake without {@code Origin} is not from a
 * browser and is allowed: the check stops browsers being used against the server, not clients.
 *
 * <p>{@code Host} and {@code X-Forwarded-Host} can be trusted for this although a client chooses
 * them: a page's script cannot set any header of a WebSocket handshake, and a client that is not a
 * browser needs no forged origin.
 */
final class WebSocketOrigins {

    private final List<WebOrigin> allowed;

    WebSocketOrigins(List<WebOrigin> allowed) {
        this.allowed = List.copyOf(allowed);
    }

    boolean allow(HttpHeaders headers) {
        String origin = headers.get(HttpHeaderNames.ORIGIN);
        if (origin == null) {
            return true;
        }
        Optional<WebOrigin> page = WebOrigin.parse(origin);
        return page.isPresent() && (allowed.contains(page.get()) || isOwn(page.get(), headers));
    }

    private static boolean isOwn(WebOrigin page, HttpHeaders headers) {
        String host = headers.get(HttpHeaderNames.HOST);
        String forwarded = headers.get("X-Forwarded-Host");
        return (host != null && page.sameHostAs(host))
                || (forwarded != null && page.sameHostAs(forwarded.split(",", 2)[0].trim()));
    }
}
