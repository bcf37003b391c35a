package dev.parley.server.transport;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import dev.parley.server.config.HttpConfig;
import dev.parley.server.config.ListenAddress;
import dev.parley.server.it.LogCapture;
import dev.parley.server.it.TestLimits;
import dev.parley.server.it.TestServer;
import dev.parley.testkit.Lines;
import dev.parley.testkit.RawIrcClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Socket-level fuzzing of the HTTP listener: seeded random and mutated requests (see
 * {@link HttpFuzz}), each on its own connection, sent whole or in pieces, sometimes abandoned
 * half-written. Throughout, the server must answer {@code /healthz}, an IRC client must get its
 * PONG, and the clients already connected (IRC over TCP, IRC over WebSocket) must stay connected;
 * at the end the log must hold no ERROR and no exception, and {@code parley_errors_total} be 0.
 *
 * <p>Runs {@value #DEFAULT_SECONDS} s; {@code -Dparley.fuzz.seconds=600} runs longer and
 * {@code -Dparley.fuzz.seed=N} picks another seed. A failure names the seed of its case.
 */
class HttpFuzzIT {

    private static final int DEFAULT_SECONDS = 30;
    private static final long DEFAULT_SEED = 0x5eed_1313L;
    private static final int CHECK_EVERY = 25;
    /** How long a case's connection waits for an answer before the client hangs up. */
    private static final int READ_MILLIS = 150;

    @Test
    void garbageOverHttpNeitherHurtsTheServerNorItsOtherClients() throws Exception {
        Duration budget = Duration.ofSeconds(Long.getLong("parley.fuzz.seconds", DEFAULT_SECONDS));
        Random seeds = new Random(Long.getLong("parley.fuzz.seed", DEFAULT_SEED));
        try (LogCapture log = LogCapture.begin();
                TestServer server = TestServer.start(c -> TestLimits.timeouts(
                                Duration.ofSeconds(2), Duration.ofHours(1), Duration.ofHours(1))
                        .apply(c.withHttp(new HttpConfig(
                                        List.of(new ListenAddress("127.0.0.1", 0)),
                                        HttpConfig.Tls.OFF,
                                        Duration.ofSeconds(2))
                                .withRequestTimeout(Duration.ofSeconds(1)))))) {
            int port = server.server().httpAddresses().get(0).getPort();
            RawIrcClient watcher = server.user("watcher");
            RawIrcClient peer = server.user("peer");
            watcher.join("#room");
            peer.join("#room");
            WebSocketIT.Frames frames = new WebSocketIT.Frames();
            WebSocket browser = HttpClient.newHttpClient()
                    .newWebSocketBuilder()
                    .subprotocols("text.ircv3.net")
                    .buildAsync(WebSocketIT.uri(server, "/ws", "ws"), frames)
                    .join();
            browser.sendText("PASS chat@123", true).join();
            browser.sendText("NICK browser", true).join();
            browser.sendText("USER browser 0 * :B", true).join();
            frames.await(line -> line.contains(" 001 browser "));

            long end = System.nanoTime() + budget.toNanos();
            int cases = 0;
            String firstBadCase = "none";
            while (System.nanoTime() < end) {
                long seed = seeds.nextLong();
                try {
                    send(port, new Random(seed));
                } catch (IOException refusedOrReset) {
                    // the server may close or reset a connection that sends garbage: allowed
                }
                if (firstBadCase.equals("none") && log.anyMatch(HttpFuzzIT::bad)) {
                    firstBadCase = "seed " + seed + " or one just before it";
                }
                if (++cases % CHECK_EVERY == 0) {
                    assertAlive(server, watcher, peer, browser, frames, "after case seed " + seed);
                }
            }

            assertAlive(server, watcher, peer, browser, frames, "after " + cases + " cases");
            System.out.printf("HttpFuzzIT: %d cases in %s%n", cases, budget);
            assertThat(cases).as("cases run").isGreaterThan(CHECK_EVERY);
            assertThat(log.lines())
                    .as("no ERROR and no exception in the log; first seen after case %s", firstBadCase)
                    .noneMatch(HttpFuzzIT::bad);
            assertThat(HttpIT.metric(HttpIT.get(server, "/metrics").body(), "parley_errors_total"))
                    .isZero();
        }
    }

    /** An ERROR, or any line with an exception. */
    private static boolean bad(LogCapture.Line line) {
        return line.level().isGreaterOrEqual(Level.ERROR) || !line.stackTrace().isEmpty();
    }

    /** Sends one case: whole or in pieces, then reads briefly, sometimes hanging up first. */
    private static void send(int port, Random random) throws IOException {
        byte[] bytes = HttpFuzz.next(random);
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(READ_MILLIS);
            OutputStream out = socket.getOutputStream();
            int at = 0;
            while (at < bytes.length) {
                int piece = random.nextInt(3) == 0 ? 1 + random.nextInt(bytes.length - at) : bytes.length - at;
                out.write(bytes, at, piece);
                out.flush();
                at += piece;
            }
            switch (random.nextInt(4)) {
                case 0 -> socket.setSoLinger(true, 0); // hang up with a reset
                case 1 -> socket.shutdownOutput();
                default -> readBriefly(socket.getInputStream());
            }
        }
    }

    private static void readBriefly(InputStream in) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        try {
            for (int total = 0; total < 1 << 20; ) {
                int n = in.read(buffer);
                if (n < 0) {
                    return;
                }
                total += n;
            }
        } catch (SocketTimeoutException enough) {
            // an open keep-alive connection: hang up
        }
    }

    private static void assertAlive(
            TestServer server,
            RawIrcClient watcher,
            RawIrcClient peer,
            WebSocket browser,
            WebSocketIT.Frames frames,
            String when)
            throws Exception {
        assertThat(HttpIT.get(server, "/healthz").statusCode())
                .as("/healthz " + when)
                .isEqualTo(200);
        String token = "alive-" + System.nanoTime();
        watcher.send("PING :" + token);
        assertThat(watcher.expectCommand("PONG").lastParam()).as("PONG " + when).isEqualTo(token);
        peer.send("PRIVMSG #room :" + token);
        watcher.expect(Lines.privmsgFrom("peer", "#room", token));
        browser.sendText("PING :" + token, true).join();
        frames.await(line -> line.endsWith(" " + token));
    }
}
