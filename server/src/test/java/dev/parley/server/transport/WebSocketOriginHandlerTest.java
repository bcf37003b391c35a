package dev.parley.server.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.config.WebOrigin;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The cross-site WebSocket check, before Netty's handshake: a refused request is answered and released. */
class WebSocketOriginHandlerTest {

    private final EmbeddedChannel channel = new EmbeddedChannel(new WebSocketOriginHandler(new WebSocketOrigins(
            List.of(WebOrigin.parse("https://chat.example.org").orElseThrow()))));

    @AfterEach
    void finish() {
        channel.finishAndReleaseAll();
    }

    @Test
    void aHandshakeFromAForeignPageIsRefusedWith403AndTheConnectionClosed() {
        channel.writeInbound(handshake("/ws", "https://evil.example", "irc.example.org:8080"));

        assertThat((Object) channel.readInbound())
                .as("the WebSocket handler never sees it")
                .isNull();
        FullHttpResponse response = channel.readOutbound();
        assertThat(response.status()).isEqualTo(HttpResponseStatus.FORBIDDEN);
        assertThat(response.content().toString(StandardCharsets.UTF_8)).contains("http.allowed-origins");
        response.release();
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void theServersOwnPageAConfiguredOneAndAClientWithoutOriginPass() {
        assertPasses(handshake("/ws", "http://irc.example.org:8080", "irc.example.org:8080"));
        assertPasses(handshake("/ws", "https://chat.example.org", "irc.example.org:8080"));
        assertPasses(handshake("/ws", null, "irc.example.org:8080"));
    }

    @Test
    void aPageBehindAProxyIsCheckedAgainstTheForwardedHost() {
        FullHttpRequest request = handshake("/ws", "https://irc.example.org", "127.0.0.1:8080");
        request.headers().set("X-Forwarded-Host", "irc.example.org, proxy.internal");

        assertPasses(request);
    }

    @Test
    void onlyHandshakesAreCheckedOnAnyPath() {
        FullHttpRequest plain = new DefaultFullHttpRequest(
                HttpVersion.HTTP_1_1, HttpMethod.GET, "/", channel.alloc().buffer(0));
        plain.headers().set(HttpHeaderNames.ORIGIN, "https://evil.example");
        assertPasses(plain);

        channel.writeInbound(handshake("/elsewhere", "https://evil.example", "irc.example.org:8080"));
        FullHttpResponse response = channel.readOutbound();
        assertThat(response.status()).isEqualTo(HttpResponseStatus.FORBIDDEN);
        response.release();
    }

    private void assertPasses(FullHttpRequest request) {
        channel.writeInbound(request);
        FullHttpRequest passed = channel.readInbound();
        assertThat(passed).isSameAs(request);
        passed.release();
        assertThat((Object) channel.readOutbound()).isNull();
        assertThat(channel.isOpen()).isTrue();
    }

    /** A WebSocket handshake; its body comes from the channel's allocator, so a leak would be caught. */
    private FullHttpRequest handshake(String path, String origin, String host) {
        FullHttpRequest request = new DefaultFullHttpRequest(
                HttpVersion.HTTP_1_1, HttpMethod.GET, path, channel.alloc().buffer(0));
        request.headers()
                .set(HttpHeaderNames.HOST, host)
                .set(HttpHeaderNames.UPGRADE, "websocket")
                .set(HttpHeaderNames.CONNECTION, "Upgrade")
                .set(HttpHeaderNames.SEC_WEBSOCKET_VERSION, "13")
                .set(HttpHeaderNames.SEC_WEBSOCKET_KEY, "dGhlIHNhbXBsZSBub25jZQ==");
        if (origin != null) {
            request.headers().set(HttpHeaderNames.ORIGIN, origin);
        }
        return request;
    }
}
