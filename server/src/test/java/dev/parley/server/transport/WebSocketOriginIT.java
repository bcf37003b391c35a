package dev.parley.server.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.config.HttpConfig;
import dev.parley.server.config.ListenAddress;
import dev.parley.server.config.WebOrigin;
import dev.parley.server.it.TestServer;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Cross-site WebSocket hijacking: a page on another site must not reach {@code /ws} through the
 * browser of someone who can reach the server; the server's own page and non-browser clients can.
 */
class WebSocketOriginIT {

    private static TestServer withHttp(List<WebOrigin> allowed) {
        return TestServer.start(c ->
                c.withHttp(new HttpConfig(List.of(new ListenAddress("127.0.0.1", 0)), HttpConfig.Tls.OFF)
                        .withAllowedOrigins(allowed)));
    }

    private static int port(TestServer server) {
        return server.server().httpAddresses().get(0).getPort();
    }

    /** A WebSocket handshake as a browser sends it; {@code origin} null leaves the header out. */
    static String upgrade(String host, String origin, String... moreHeaders) {
        return "GET /ws HTTP/1.1\r\nHost: " + host + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                + "Sec-WebSocket-Protocol: text.ircv3.net\r\n" + (origin == null ? "" : "Origin: " + origin + "\r\n")
                + String.join(
                        "", List.of(moreHeaders).stream().map(h -> h + "\r\n").toList()) + "\r\n";
    }

    private static int handshake(TestServer server, String host, String origin, String... moreHeaders) {
        try (RawHttpConnection connection = new RawHttpConnection(port(server))) {
            return connection.send(upgrade(host, origin, moreHeaders)).read().status();
        }
    }

    @Test
    void aPageOnAnotherSiteIsRefused403AndTheConnectionEnds() {
        try (TestServer server = withHttp(List.of());
                RawHttpConnection connection = new RawHttpConnection(port(server))) {
            String self = "127.0.0.1:" + port(server);
            RawHttpConnection.Response refused =
                    connection.send(upgrade(self, "https://evil.example")).read();

            assertThat(refused.status()).isEqualTo(403);
            assertThat(connection.closedByServer()).isTrue();
            assertThat(handshake(server, self, "http://127.0.0.1:1"))
                    .as("another port is another origin")
                    .isEqualTo(403);
            assertThat(handshake(server, self, "null"))
                    .as("a sandboxed page or a file")
                    .isEqualTo(403);
            assertThat(handshake(server, "localhost:" + port(server), "http://127.0.0.1:" + port(server)))
                    .as("an origin other than the Host asked for")
                    .isEqualTo(403);
        }
    }

    @Test
    void theServersOwnPageConnectsAlsoBehindAReverseProxyThatEndsTls() {
        try (TestServer server = withHttp(List.of())) {
            String self = "127.0.0.1:" + port(server);
            assertThat(handshake(server, self, "http://" + self)).isEqualTo(101);
            assertThat(handshake(server, "LocalHost:" + port(server), "http://localhost:" + port(server)))
                    .isEqualTo(101);
            assertThat(handshake(server, "chat.example.com", "https://chat.example.com"))
                    .isEqualTo(101);
            assertThat(handshake(server, self, "https://chat.example.com", "X-Forwarded-Host: chat.example.com"))
                    .as("a proxy that rewrites Host but says which one it was asked for")
                    .isEqualTo(101);
        }
    }

    @Test
    void aClientWithoutOriginIsNotABrowserAndConnects() throws Exception {
        try (TestServer server = withHttp(List.of())) {
            assertThat(handshake(server, "127.0.0.1:" + port(server), null)).isEqualTo(101);

            WebSocketIT.Frames frames = new WebSocketIT.Frames();
            WebSocket ws = HttpClient.newHttpClient()
                    .newWebSocketBuilder()
                    .subprotocols("text.ircv3.net")
                    .buildAsync(WebSocketIT.uri(server, "/ws", "ws"), frames)
                    .join();
            ws.sendText("PING :no-origin", true).join();
            frames.await(line -> line.endsWith(" no-origin"));
        }
    }

    @Test
    void anAllowedOriginConnectsAndOnlyThatOne() {
        try (TestServer server =
                withHttp(List.of(WebOrigin.parse("https://app.example.org").orElseThrow()))) {
            String self = "127.0.0.1:" + port(server);
            assertThat(handshake(server, self, "https://app.example.org")).isEqualTo(101);
            assertThat(handshake(server, self, "https://APP.example.org:443")).isEqualTo(101);
            assertThat(handshake(server, self, "http://app.example.org"))
                    .as("another scheme")
                    .isEqualTo(403);
            assertThat(handshake(server, self, "https://other.example.org")).isEqualTo(403);
        }
    }
}
