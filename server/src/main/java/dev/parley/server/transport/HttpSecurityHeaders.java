package dev.parley.server.transport;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Puts the browser security headers on every HTTP response written after the codec: the files,
 * errors, health, metrics, Netty's own handshake answers. No page of ours may be framed by another
 * site (clickjacking), leak its address as a referrer, or be sniffed into another content type;
 * the content security policy keeps the browser client to its own scripts and styles. Responses
 * written as raw bytes before the codec use {@link #asText()}.
 */
@ChannelHandler.Sharable
final class HttpSecurityHeaders extends ChannelOutboundHandlerAdapter {

    static final HttpSecurityHeaders INSTANCE = new HttpSecurityHeaders();

    private static final Map<String, String> HEADERS = headers();

    private static Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(
                "Content-Security-Policy",
                "default-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data:; "
                        + "style-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'");
        headers.put("X-Frame-Options", "DENY");
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Referrer-Policy", "no-referrer");
        return Map.copyOf(headers);
    }

    private HttpSecurityHeaders() {}

    @Override
    public void write(ChannelHandlerContext ctx, Object message, ChannelPromise promise) {
        if (message instanceof HttpResponse response) {
            HEADERS.forEach(response.headers()::set);
        }
        ctx.write(message, promise);
    }

    /** The headers as lines of an HTTP response, each ending in CR LF. */
    static String asText() {
        StringBuilder text = new StringBuilder();
        HEADERS.forEach(
                (name, value) -> text.append(name).append(": ").append(value).append("\r\n"));
        return text.toString();
    }
}
