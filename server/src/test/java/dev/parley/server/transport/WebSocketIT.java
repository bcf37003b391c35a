package dev.parley.server.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.config.HttpConfig;
import dev.parley.server.config.ListenAddress;
import dev.parley.server.it.TestLimits;
import dev.parley.server.it.TestServer;
import dev.parley.testkit.Lines;
import dev.parley.testkit.RawIrcClient;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The IRCv3 WebSocket transport at /ws, both subprotocols, chatting with a plain TCP client. */
class WebSocketIT {

    private static final HttpConfig HTTP_ON_A_FREE_PORT =
            new HttpConfig(List.of(new ListenAddress("127.0.0.1", 0)), HttpConfig.Tls.OFF);

    static TestServer withHttp() {
        return TestServer.start(c -> c.withHttp(HTTP_ON_A_FREE_PORT));
    }

    @Test
    void aTextWebSocketClientChatsWithATcpClient() throws Exception {
        try (TestServer server = withHttp()) {
            Frames frames = new Frames();
            WebSocket ws = open(server, "text.ircv3.net", frames);
            assertThat(ws.getSubprotocol()).isEqualTo("text.ircv3.net");
            ws.sendText("PASS chat@123", true).join();
            ws.sendText("NICK webby", true).join();
            ws.sendText("USER webby 0 * :Web user\r\n", true).join();
            frames.await(line -> line.contains(" 001 webby "));
            ws.sendText("JOIN #general", true).join();
            frames.await(line -> line.contains(" 366 webby #general "));

            RawIrcClient tcp = server.user("tcpuser");
            tcp.join("#general");
            tcp.send("PRIVMSG #general :hello from tcp");
            frames.await(line -> line.endsWith("PRIVMSG #general :hello from tcp"));
            ws.sendText("PRIVMSG #general :hello from the browser", true).join();
            tcp.expect(Lines.privmsgFrom("webby", "#general", "hello from the browser"));

            assertThat(frames.text)
                    .as("one line per frame, no CR or LF")
                    .allSatisfy(frame -> assertThat(frame).doesNotContain("\r", "\n"));
            assertThat(frames.binary).isEmpty();
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
        }
    }

    @Test
    void theBinarySubprotocolGetsBinaryFrames() throws Exception {
        try (TestServer server = withHttp()) {
            Frames frames = new Frames();
            WebSocket ws = open(server, "binary.ircv3.net", frames);
            assertThat(ws.getSubprotocol()).isEqualTo("binary.ircv3.net");
            ws.sendBinary(ByteBuffer.wrap("PASS chat@123".getBytes(StandardCharsets.UTF_8)), true)
                    .join();
            ws.sendBinary(ByteBuffer.wrap("NICK binny".getBytes(StandardCharsets.UTF_8)), true)
                    .join();
            ws.sendBinary(ByteBuffer.wrap("USER binny 0 * :Binary".getBytes(StandardCharsets.UTF_8)), true)
                    .join();

            frames.await(line -> line.contains(" 001 binny "));
            assertThat(frames.text).isEmpty();
        }
    }

    @Test
    void withoutASubprotocolTheServerSpeaksText() throws Exception {
        try (TestServer server = withHttp()) {
            Frames frames = new Frames();
            open(server, null, frames).sendText("PING :hi", true).join();
            frames.await(line -> line.contains("PONG") && line.endsWith("hi"));
        }
    }

    @Test
    void aMessageSentInFragmentsIsReadAsOneLine() throws Exception {
        try (TestServer server = withHttp()) {
            Frames frames = new Frames();
            WebSocket ws = open(server, "text.ircv3.net", frames);
            ws.sendText("PING :frag", false).join();
            ws.sendText("men", false).join();
            ws.sendText("ted", true).join();
            ws.sendText("PING :whole", true).join();

            frames.await(line -> line.endsWith(" whole"));
            assertThat(frames.text)
                    .anyMatch(line -> line.endsWith(" fragmented"))
                    .noneMatch(line -> line.endsWith(" frag"));
        }
    }

    @Test
    void aFrameFarLongerThanAnyLineClosesTheConnectionAsTheClientsFault() throws Exception {
        try (TestServer server = withHttp()) {
            Frames frames = new Frames();
            WebSocket ws = open(server, "text.ircv3.net", frames);
            // Far longer than the socket buffers, so the client is still sending when the server
            // answers: closing at once would reset the connection and lose the close frame.
            ws.sendText("PING :" + "x".repeat(4_000_000), true);

            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> frames.closeCode != null);
            assertThat(frames.closeCode).isEqualTo(1009);
            assertThat(HttpIT.metric(HttpIT.get(server, "/metrics").body(), "parley_errors_total"))
                    .isZero();
        }
    }

    @Test
    void aWebSocketSessionThatNeverRegistersIsClosedByTheRegistrationTimeout() {
        try (TestServer server =
                TestServer.start(TestLimits.timeouts(Duration.ofSeconds(1), Duration.ZERO, Duration.ofSeconds(1))
                        .andThen(c -> c.withHttp(HTTP_ON_A_FREE_PORT))::apply)) {
            Frames frames = new Frames();
            open(server, "text.ircv3.net", frames);

            frames.await(line -> line.startsWith("ERROR") && line.contains("Registration timed out"));
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> frames.closeCode != null);
        }
    }

    @Test
    void floodControlSpreadsOutAWebSocketClientsBurstAsItDoesOnTcp() throws Exception {
        try (TestServer server = withHttp()) {
            Frames frames = new Frames();
            WebSocket ws = open(server, "text.ircv3.net", frames);
            ws.sendText("PASS chat@123", true).join();
            ws.sendText("NICK hasty", true).join();
            ws.sendText("USER hasty 0 * :Hasty", true).join();
            ws.sendText("JOIN #general", true).join();
            frames.await(line -> line.contains(" 366 hasty #general "));
            RawIrcClient tcp = server.user("listener").withTimeout(Duration.ofSeconds(15));
            tcp.join("#general");
            frames.await(line -> line.contains("JOIN") && line.contains("listener"));

            long start = System.nanoTime();
            for (int i = 1; i <= 15; i++) {
                ws.sendText("PRIVMSG #general :burst " + i, true).join();
            }
            for (int i = 1; i <= 15; i++) {
                tcp.expect(Lines.privmsgFrom("hasty", "#general", "burst " + i));
            }
            Duration last = Duration.ofNanos(System.nanoTime() - start);

            // Default bucket: 5 lines of burst, then 2 a second (the registration and the JOIN spent
            // some): the 15th line cannot be handled before about 5 s.
            assertThat(last).isGreaterThanOrEqualTo(Duration.ofMillis(4500));
        }
    }

    static URI uri(TestServer server, String path, String scheme) {
        InetSocketAddress address = server.server().httpAddresses().get(0);
        return URI.create(scheme + "://127.0.0.1:" + address.getPort() + path);
    }

    private static WebSocket open(TestServer server, String subprotocol, Frames frames) {
        WebSocket.Builder builder =
                HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        if (subprotocol != null) {
            builder.subprotocols(subprotocol);
        }
        return builder.buildAsync(uri(server, "/ws", "ws"), frames).join();
    }

    /** Every frame received, as text. */
    static final class Frames implements WebSocket.Listener {
        final List<String> text = new CopyOnWriteArrayList<>();
        final List<String> binary = new CopyOnWriteArrayList<>();
        private final StringBuilder partial = new StringBuilder();
        volatile Integer closeCode;

        @Override
        public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
            closeCode = statusCode;
            return null;
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                text.add(partial.toString());
                partial.setLength(0);
            }
            socket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket socket, ByteBuffer data, boolean last) {
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            binary.add(new String(bytes, StandardCharsets.UTF_8));
            socket.request(1);
            return null;
        }

        void await(Predicate<String> line) {
            org.awaitility.Awaitility.await()
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> text.stream().anyMatch(line) || binary.stream().anyMatch(line));
        }
    }
}
