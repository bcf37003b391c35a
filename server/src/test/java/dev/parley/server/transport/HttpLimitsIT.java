package dev.parley.server.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.server.config.ConnectionLimitsConfig;
import dev.parley.server.config.HttpConfig;
import dev.parley.server.config.ListenAddress;
import dev.parley.server.config.ParleyConfig;
import dev.parley.server.it.TestLimits;
import dev.parley.server.it.TestServer;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** What one client may hold over HTTP: connections per IP, idle time, pipelined requests. */
class HttpLimitsIT {

    private static final ConnectionLimitsConfig THREE_PER_IP =
            new ConnectionLimitsConfig(true, 3, 100, Duration.ofMinutes(10), false);

    private static TestServer withHttp(Duration idleTimeout, UnaryOperator<ParleyConfig> limits) {
        return TestServer.start(c -> limits.apply(c.withHttp(
                new HttpConfig(List.of(new ListenAddress("127.0.0.1", 0)), HttpConfig.Tls.OFF, idleTimeout))));
    }

    private static int port(TestServer server) {
        return server.server().httpAddresses().get(0).getPort();
    }

    @Test
    void anHttpConnectionThatStaysSilentIsClosedButAWebSocketSessionIsNot() throws Exception {
        try (TestServer server = withHttp(Duration.ofMillis(300), UnaryOperator.identity())) {
            WebSocketIT.Frames frames = new WebSocketIT.Frames();
            WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder().subprotocols("text.ircv3.net")
                    .buildAsync(WebSocketIT.uri(server, "/ws", "ws"), frames).join();
            try (RawHttpConnection silent = new RawHttpConnection(port(server));
                    RawHttpConnection afterAnswer = new RawHttpConnection(port(server))) {
                assertThat(afterAnswer.send(RawHttpConnection.get("/")).read().status()).isEqualTo(200);

                assertThat(silent.closedByServer()).isTrue();
                assertThat(afterAnswer.closedByServer()).isTrue();
            }
            ws.sendText("PING :still-open", true).join();
            frames.await(line -> line.endsWith(" still-open"));
        }
    }

    @Test
    void oneIpHoldsAtMostMaxPerIpHttpConnections() {
        try (TestServer server = withHttp(Duration.ofMinutes(1), TestLimits.connections(THREE_PER_IP))) {
            List<RawHttpConnection> held = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                RawHttpConnection connection = new RawHttpConnection(port(server));
                assertThat(connection.send(RawHttpConnection.get("/")).read().status()).isEqualTo(200);
                held.add(connection);
            }
            try (RawHttpConnection fourth = new RawHttpConnection(port(server))) {
                RawHttpConnection.Response refused = fourth.read();
                assertThat(refused.status()).isEqualTo(503);
                assertThat(refused.body()).contains("Too many connections");
                assertThat(fourth.closedByServer()).isTrue();
            }

            held.remove(0).close();
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                try (RawHttpConnection again = new RawHttpConnection(port(server))) {
                    assertThat(again.send(RawHttpConnection.get("/")).read().status()).isEqualTo(200);
                }
            });
            held.forEach(RawHttpConnection::close);
        }
    }

    @Test
    void aWebSocketSessionCountsAsAnIrcConnectionNotAnHttpOne() {
        try (TestServer server = withHttp(Duration.ofMinutes(1), TestLimits.connections(THREE_PER_IP))) {
            HttpClient client = HttpClient.newHttpClient();
            for (int i = 0; i < 3; i++) {
                WebSocketIT.Frames frames = new WebSocketIT.Frames();
                WebSocket ws = client.newWebSocketBuilder().subprotocols("text.ircv3.net")
                        .buildAsync(WebSocketIT.uri(server, "/ws", "ws"), frames).join();
                ws.sendText("PING :session-" + i, true).join();
                frames.await(line -> line.contains("PONG"));
            }
            try (RawHttpConnection files = new RawHttpConnection(port(server))) {
                assertThat(files.send(RawHttpConnection.get("/")).read().status())
                        .as("the upgraded connections no longer hold HTTP slots").isEqualTo(200);
            }

            WebSocketIT.Frames fourth = new WebSocketIT.Frames();
            client.newWebSocketBuilder().subprotocols("text.ircv3.net")
                    .buildAsync(WebSocketIT.uri(server, "/ws", "ws"), fourth).join();
            fourth.await(line -> line.startsWith("ERROR") && line.contains("Too many connections"));
        }
    }

    @Test
    void pipelinedRequestsAreAnsweredInTheOrderTheyCame() {
        try (TestServer server = withHttp(Duration.ofMinutes(1), UnaryOperator.identity());
                RawHttpConnection connection = new RawHttpConnection(port(server))) {
            connection.send(RawHttpConnection.get("/healthz"), RawHttpConnection.get("/"),
                    RawHttpConnection.get("/metrics"), RawHttpConnection.get("/style.css"));

            assertThat(connection.read().body()).isEqualTo("ok\n");
            assertThat(connection.read().body()).contains("<html");
            assertThat(connection.read().body()).contains("parley_messages_in_total");
            assertThat(connection.read().headers().get("content-type")).startsWith("text/css");
        }
    }

    @Test
    void aRequestThatIsNotHttpGets400AndTheConnectionEnds() {
        try (TestServer server = withHttp(Duration.ofMinutes(1), UnaryOperator.identity());
                RawHttpConnection connection = new RawHttpConnection(port(server))) {
            assertThat(connection.send("\u0001\u0002 nonsense\r\n\r\n").read().status()).isEqualTo(400);
            assertThat(connection.closedByServer()).isTrue();
        }
    }
}
