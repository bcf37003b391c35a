package dev.parley.server.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.server.config.ConnectionLimitsConfig;
import dev.parley.server.config.HttpConfig;
import dev.parley.server.config.ListenAddress;
import dev.parley.server.config.ParleyConfig;
import dev.parley.server.it.TestLimits;
import dev.parley.server.it.TestServer;
import dev.parley.testkit.RawIrcClient;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
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

    private static final int TRICKLE_BYTES = 200;
    private static final Duration TRICKLE_PAUSE = Duration.ofMillis(50);

    private static String readAll(Socket socket) {
        try {
            socket.setSoTimeout(30_000);
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            return "reset: " + e.getMessage();
        }
    }

    private static int port(TestServer server) {
        return server.server().httpAddresses().get(0).getPort();
    }

    @Test
    void anHttpConnectionThatStaysSilentIsClosedButAWebSocketSessionIsNot() throws Exception {
        // A request timeout below the idle timeout: the session's first frame must not start a
        // request clock that the wait for the idle closes below then runs out.
        try (TestServer server = withHttp(
                Duration.ofMillis(300), c -> c.withHttp(c.http().withRequestTimeout(Duration.ofMillis(100))))) {
            WebSocketIT.Frames frames = new WebSocketIT.Frames();
            WebSocket ws = HttpClient.newHttpClient()
                    .newWebSocketBuilder()
                    .subprotocols("text.ircv3.net")
                    .buildAsync(WebSocketIT.uri(server, "/ws", "ws"), frames)
                    .join();
            ws.sendText("PING :first", true).join();
            frames.await(line -> line.endsWith(" first"));
            try (RawHttpConnection silent = new RawHttpConnection(port(server));
                    RawHttpConnection afterAnswer = new RawHttpConnection(port(server))) {
                assertThat(afterAnswer.send(RawHttpConnection.get("/")).read().status())
                        .isEqualTo(200);

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
                assertThat(connection.send(RawHttpConnection.get("/")).read().status())
                        .isEqualTo(200);
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
                    assertThat(again.send(RawHttpConnection.get("/")).read().status())
                            .isEqualTo(200);
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
                WebSocket ws = client.newWebSocketBuilder()
                        .subprotocols("text.ircv3.net")
                        .buildAsync(WebSocketIT.uri(server, "/ws", "ws"), frames)
                        .join();
                ws.sendText("PING :session-" + i, true).join();
                frames.await(line -> line.contains("PONG"));
            }
            try (RawHttpConnection files = new RawHttpConnection(port(server))) {
                assertThat(files.send(RawHttpConnection.get("/")).read().status())
                        .as("the upgraded connections no longer hold HTTP slots")
                        .isEqualTo(200);
            }

            WebSocketIT.Frames fourth = new WebSocketIT.Frames();
            client.newWebSocketBuilder()
                    .subprotocols("text.ircv3.net")
                    .buildAsync(WebSocketIT.uri(server, "/ws", "ws"), fourth)
                    .join();
            fourth.await(line -> line.startsWith("ERROR") && line.contains("Too many connections"));
        }
    }

    @Test
    void aRequestTrickledAByteAtATimeIsCutOffAtTheRequestTimeout() throws Exception {
        try (TestServer server = TestServer.start(c -> c.withHttp(new HttpConfig(
                                List.of(new ListenAddress("127.0.0.1", 0)), HttpConfig.Tls.OFF, Duration.ofMinutes(1))
                        .withRequestTimeout(Duration.ofMillis(500))));
                Socket socket = new Socket("127.0.0.1", port(server))) {
            CompletableFuture<String> answer = CompletableFuture.supplyAsync(() -> readAll(socket));
            OutputStream out = socket.getOutputStream();
            out.write("GET / HTTP/1.1\r\nHost: localhost\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
            int sent = 0;
            try {
                // Each byte restarts the idle clock (one minute here); only the request deadline ends this.
                for (; sent < TRICKLE_BYTES && !answer.isDone(); sent++) {
                    out.write('a');
                    out.flush();
                    Thread.sleep(TRICKLE_PAUSE.toMillis()); // the attacker's pace, not a wait for the server
                }
            } catch (IOException closed) {
                // the server closed while the client was still writing: the point of the test
            }

            assertThat(answer)
                    .succeedsWithin(Duration.ofSeconds(5))
                    .satisfies(
                            text -> assertThat(text).startsWith("HTTP/1.1 408").contains("X-Frame-Options: DENY"));
            assertThat(sent).as("bytes trickled before the server gave up").isLessThan(TRICKLE_BYTES);
        }
    }

    @Test
    void loopbackHttpConnectionsAreCappedWhileLoopbackIsExemptFromThePerIpLimit() {
        try (TestServer server = TestServer.start(c -> c.withHttp(
                new HttpConfig(List.of(new ListenAddress("127.0.0.1", 0)), HttpConfig.Tls.OFF, Duration.ofMinutes(1))
                        .withMaxLoopbackConnections(3)))) {
            assertThat(server.config().limits().connections().exemptLoopback()).isTrue();
            List<RawHttpConnection> held = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                held.add(new RawHttpConnection(port(server)));
                assertThat(held.get(i)
                                .send(RawHttpConnection.get("/healthz"))
                                .read()
                                .status())
                        .isEqualTo(200);
            }
            try (RawHttpConnection fourth = new RawHttpConnection(port(server))) {
                assertThat(fourth.read().status()).isEqualTo(503);
            }
            RawIrcClient irc = server.user("stillwelcome");
            irc.send("PING :irc-is-not-capped-by-this");
            irc.expectCommand("PONG");
            held.forEach(RawHttpConnection::close);
        }
    }

    @Test
    void pipelinedRequestsAreAnsweredInTheOrderTheyCame() {
        try (TestServer server = withHttp(Duration.ofMinutes(1), UnaryOperator.identity());
                RawHttpConnection connection = new RawHttpConnection(port(server))) {
            connection.send(
                    RawHttpConnection.get("/healthz"),
                    RawHttpConnection.get("/"),
                    RawHttpConnection.get("/metrics"),
                    RawHttpConnection.get("/style.css"));

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
            assertThat(connection.send("\u0001\u0002 nonsense\r\n\r\n").read().status())
                    .isEqualTo(400);
            assertThat(connection.closedByServer()).isTrue();
        }
    }
}
