package dev.parley.server.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.config.ConnectionLimitsConfig;
import dev.parley.server.config.HttpConfig;
import dev.parley.server.config.ListenAddress;
import dev.parley.server.config.ParleyConfig;
import dev.parley.server.it.TestLimits;
import dev.parley.server.it.TestServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Every HTTP answer carries the browser security headers: no framing (clickjacking), no referrer,
 * no content sniffing, the content security policy; not only the files but errors, health,
 * metrics and refusals too.
 */
class HttpSecurityHeadersIT {

    private static final ConnectionLimitsConfig ONE_PER_IP =
            new ConnectionLimitsConfig(true, 1, 100, Duration.ofMinutes(10), false);

    private static TestServer withHttp(UnaryOperator<ParleyConfig> limits) {
        return TestServer.start(c -> limits.apply(
                c.withHttp(new HttpConfig(List.of(new ListenAddress("127.0.0.1", 0)), HttpConfig.Tls.OFF))));
    }

    private static void assertSecurityHeaders(String what, Map<String, String> headers) {
        assertThat(headers)
                .as(what)
                .containsEntry("x-content-type-options", "nosniff")
                .containsEntry("x-frame-options", "DENY")
                .containsEntry("referrer-policy", "no-referrer")
                .containsKey("content-security-policy");
        assertThat(headers.get("content-security-policy"))
                .as(what)
                .contains("frame-ancestors 'none'", "default-src 'self'");
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() {
        try (TestServer server = withHttp(UnaryOperator.identity())) {
            int port = server.server().httpAddresses().get(0).getPort();
            String self = "127.0.0.1:" + port;
            try (RawHttpConnection connection = new RawHttpConnection(port)) {
                for (String path : List.of("/", "/js/main.js", "/healthz", "/metrics", "/missing.js")) {
                    assertSecurityHeaders(
                            path,
                            connection.send(RawHttpConnection.get(path)).read().headers());
                }
                String etag = connection
                        .send(RawHttpConnection.get("/"))
                        .read()
                        .headers()
                        .get("etag");
                RawHttpConnection.Response notModified = connection
                        .send("GET / HTTP/1.1\r\nHost: localhost\r\nIf-None-Match: " + etag + "\r\n\r\n")
                        .read();
                assertThat(notModified.status()).isEqualTo(304);
                assertSecurityHeaders("304", notModified.headers());
                RawHttpConnection.Response refusedMethod = connection
                        .send("DELETE / HTTP/1.1\r\nHost: localhost\r\n\r\n")
                        .read();
                assertThat(refusedMethod.status()).isEqualTo(405);
                assertSecurityHeaders("405", refusedMethod.headers());
            }
            assertSecurityHeaders("400", answer(port, "\u0001 nonsense\r\n\r\n", 400));
            assertSecurityHeaders(
                    "403 WebSocket from another site",
                    answer(port, WebSocketOriginIT.upgrade(self, "https://evil.example"), 403));
            assertSecurityHeaders(
                    "400 not a WebSocket handshake",
                    answer(port, "GET /ws HTTP/1.1\r\nHost: " + self + "\r\n\r\n", 400));
        }
    }

    @Test
    void theRefusalOfOneConnectionTooManyCarriesThemToo() {
        try (TestServer server = withHttp(TestLimits.connections(ONE_PER_IP))) {
            int port = server.server().httpAddresses().get(0).getPort();
            // The second connection opens only once the first is answered (so counted): opened
            // together, either could be accepted first.
            try (RawHttpConnection first = new RawHttpConnection(port)) {
                assertThat(first.send(RawHttpConnection.get("/healthz")).read().status())
                        .isEqualTo(200);
                try (RawHttpConnection second = new RawHttpConnection(port)) {
                    RawHttpConnection.Response tooMany = second.read();
                    assertThat(tooMany.status()).isEqualTo(503);
                    assertSecurityHeaders("503 too many connections", tooMany.headers());
                }
            }
        }
    }

    /** The headers of the answer to {@code request} on a new connection, which must have {@code status}. */
    private static Map<String, String> answer(int port, String request, int status) {
        try (RawHttpConnection connection = new RawHttpConnection(port)) {
            RawHttpConnection.Response response = connection.send(request).read();
            assertThat(response.status()).as(request).isEqualTo(status);
            return response.headers();
        }
    }
}
