package dev.parley.server.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.server.config.HttpConfig;
import dev.parley.server.config.ListenAddress;
import dev.parley.server.config.TlsConfig;
import dev.parley.server.it.LogCapture;
import dev.parley.server.it.TestServer;
import dev.parley.testkit.RawIrcClient;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client speaking plain text to a TLS port: its bytes (a PASS line, an Authorization header)
 * must never reach the log, and one address is reported once per interval, not once per
 * connection.
 */
class PlainTextOnTlsPortIT {

    private static final String SECRET = "hunter2-secret";

    @TempDir
    Path dataDir;

    private TestServer withTlsAndHttps() {
        return TestServer.startIn(
                dataDir,
                c -> c.withTls(new TlsConfig(
                                List.of(new ListenAddress("127.0.0.1", 0)), Optional.empty(), Optional.empty()))
                        .withHttp(new HttpConfig(List.of(new ListenAddress("127.0.0.1", 0)), HttpConfig.Tls.AUTO)));
    }

    @Test
    void aPlainIrcClientOnTheTlsPortIsLoggedOnceAndWithoutItsBytes() {
        try (LogCapture log = LogCapture.begin();
                TestServer server = withTlsAndHttps()) {
            for (int i = 0; i < 3; i++) {
                RawIrcClient plain =
                        RawIrcClient.connect(server.server().tlsAddresses().get(0));
                plain.send("PASS " + SECRET);
                plain.send("NICK mallory" + i);
                assertThat(plain.awaitClosed(Duration.ofSeconds(5))).isTrue();
            }

            assertNoPayloadLogged(log, "PASS " + SECRET);
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> !log.containing("not speaking TLS").isEmpty());
            assertThat(log.containing("not speaking TLS"))
                    .as("one report per address and interval")
                    .hasSize(1);
        }
    }

    @Test
    void plainHttpOnTheHttpsPortIsLoggedOnceAndWithoutItsHeaders() {
        try (LogCapture log = LogCapture.begin();
                TestServer server = withTlsAndHttps()) {
            InetSocketAddress https = server.server().httpAddresses().get(0);
            for (int i = 0; i < 3; i++) {
                try (RawHttpConnection plain = new RawHttpConnection(https.getPort())) {
                    plain.send("GET / HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic " + SECRET + "\r\n\r\n");
                    assertThat(plain.closedByServer()).isTrue();
                }
            }

            assertNoPayloadLogged(log, "GET / HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic " + SECRET);
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> !log.containing("not speaking TLS").isEmpty());
            assertThat(log.containing("not speaking TLS"))
                    .as("one report per address and interval")
                    .hasSize(1);
        }
    }

    @Test
    void aBrokenHandshakeOrASilentConnectionIsNoServerError() throws Exception {
        try (LogCapture log = LogCapture.begin();
                TestServer server = withTlsAndHttps()) {
            InetSocketAddress tls = server.server().tlsAddresses().get(0);
            new java.net.Socket(tls.getAddress(), tls.getPort()).close();
            try (java.net.Socket broken = new java.net.Socket(tls.getAddress(), tls.getPort())) {
                // a TLS record header (handshake, TLS 1.0) followed by bytes that are no ClientHello
                broken.getOutputStream().write(new byte[] {
                    0x16, 0x03, 0x01, 0x00, 0x20, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20,
                    21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32
                });
                broken.setSoTimeout(5000);
                assertThat(broken.getInputStream().readAllBytes())
                        .as("an alert at most")
                        .hasSizeLessThan(100);
            }
            RawIrcClient fine = server.user("carol");
            fine.send("PING alive");
            assertThat(fine.expectCommand("PONG").lastParam()).isEqualTo("alive");

            await().atMost(Duration.ofSeconds(5))
                    .until(() -> !log.containing("TLS handshake failed").isEmpty());
            assertThat(log.lines())
                    .as("no warning, no exception")
                    .noneMatch(line -> line.level().isGreaterOrEqual(ch.qos.logback.classic.Level.WARN)
                            || !line.stackTrace().isEmpty());
        }
    }

    /** Neither the text nor any 4 bytes of it in hex, as Netty's exception message has them. */
    private static void assertNoPayloadLogged(LogCapture log, String sent) {
        byte[] bytes = sent.getBytes(StandardCharsets.US_ASCII);
        assertThat(log.containing(SECRET)).isEmpty();
        for (int i = 0; i + 4 <= bytes.length; i += 4) {
            String hex = HexFormat.of().formatHex(bytes, i, i + 4);
            assertThat(log.lines())
                    .as("hex %s of the client's bytes", hex)
                    .noneMatch(line ->
                            line.text().toLowerCase(java.util.Locale.ROOT).contains(hex));
        }
    }
}
