package dev.parley.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.IrcMessage;
import dev.parley.server.config.HttpConfig;
import dev.parley.server.config.ListenAddress;
import dev.parley.testkit.Lines;
import dev.parley.testkit.RawIrcClient;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * A client that stops reading cannot grow the server's memory: once more than
 * {@code limits.sendQueueBytes} wait for it, it is disconnected with "SendQ exceeded".
 */
class SendQueueIT {

    private static final int SEND_QUEUE_BYTES = 8192;
    private static final String FILLER = "f".repeat(400);
    private static final Duration GIVE_UP_AFTER = Duration.ofSeconds(30);
    /** 500 rounds of 100 lines is about 21 MB: far beyond any kernel socket buffer (tcp_wmem max is 4 MB). */
    private static final int MAX_ROUNDS = 500;

    @Test
    void aClientThatStopsReadingIsDisconnectedWithSendQExceeded() throws IOException {
        try (TestServer server = TestServer.start(c -> TestLimits.sendQueueBytes(SEND_QUEUE_BYTES)
                        .apply(TestLimits.noFlood()
                                .apply(c.withHttp(new HttpConfig(
                                        List.of(new ListenAddress("127.0.0.1", 0)), HttpConfig.Tls.OFF)))));
                Socket stalled = stalledMember(server)) {
            RawIrcClient watcher = server.user("watcher");
            watcher.join("#watch");
            RawIrcClient flooder = server.user("flooder");
            flooder.join("#flood");
            send(stalled, "PASS chat@123\r\nNICK stalled\r\nUSER stalled 0 * :never reads\r\nJOIN #watch,#flood\r\n");
            watcher.expect(Lines.joinOf("stalled", "#watch"));

            floodUntilGone(flooder, "stalled");

            IrcMessage quit = watcher.expect(Lines.described(
                    "QUIT of stalled",
                    m -> m.verb().equals("QUIT") && Lines.from("stalled").test(m)));
            assertThat(quit.lastParam()).contains("SendQ exceeded");
            assertThat(scrape(server))
                    .as("the operator's count of clients dropped for a full send queue")
                    .containsPattern("(?m)^parley_sendq_exceeded_total 1(\\.0)?$");
            flooder.send("PING :still-fine");
            flooder.expect(pong("still-fine"));
            RawIrcClient newcomer = server.user("newcomer");
            newcomer.join("#flood");
            flooder.send("PRIVMSG #flood :welcome");
            newcomer.expect(Lines.privmsgFrom("flooder", "#flood", "welcome"));
        }
    }

    /** A plain socket with a tiny receive buffer whose input is never read. */
    private static Socket stalledMember(TestServer server) throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(1024);
        socket.connect(server.address());
        return socket;
    }

    private static void send(Socket socket, String lines) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(lines.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /**
     * Floods the room in rounds, asking after each round whether {@code nick} is still online; how
     * many rounds it takes depends on the kernel's socket buffers, so the loop is bounded by a
     * deadline and by a volume no kernel buffers.
     */
    private static void floodUntilGone(RawIrcClient flooder, String nick) {
        long deadline = System.nanoTime() + GIVE_UP_AFTER.toNanos();
        int round = 0;
        while (true) {
            for (int i = 0; i < 100; i++) {
                flooder.send("PRIVMSG #flood :" + round + " " + i + " " + FILLER);
            }
            flooder.send("ISON " + nick);
            IrcMessage ison = flooder.expect(
                    Lines.described("303 RPL_ISON", m -> m.command().equals("303")));
            if (ison.lastParam().isBlank()) {
                return;
            }
            round++;
            assertThat(System.nanoTime())
                    .as("%s still online after %d rounds", nick, round)
                    .isLessThan(deadline);
            assertThat(round).as("%s still online after %d rounds", nick, round).isLessThan(MAX_ROUNDS);
        }
    }

    private static String scrape(TestServer server) throws IOException {
        int port = server.server().httpAddresses().get(0).getPort();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                .timeout(Duration.ofSeconds(10))
                .build();
        try {
            return HttpClient.newHttpClient()
                    .send(request, HttpResponse.BodyHandlers.ofString())
                    .body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static Predicate<IrcMessage> pong(String token) {
        return Lines.described("PONG " + token, m -> m.verb().equals("PONG") && token.equals(m.lastParam()));
    }
}
