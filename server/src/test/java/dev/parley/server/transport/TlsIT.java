package dev.parley.server.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.Numeric;
import dev.parley.server.config.HttpConfig;
import dev.parley.server.config.ListenAddress;
import dev.parley.server.config.TlsConfig;
import dev.parley.server.it.TestServer;
import dev.parley.testkit.Lines;
import dev.parley.testkit.RawIrcClient;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** IRC over TLS: the self-signed certificate, plain clients on the TLS port, reload without restart. */
class TlsIT {

    @TempDir
    Path dataDir;

    private static TestServer withTls(Path dataDir) {
        return TestServer.startIn(
                dataDir,
                c -> c.withTls(
                        new TlsConfig(List.of(new ListenAddress("127.0.0.1", 0)), Optional.empty(), Optional.empty())));
    }

    private Path certificateFile() {
        return dataDir.resolve("tls").resolve("parley-selfsigned.crt");
    }

    @Test
    void aTlsClientTrustingTheGeneratedCertificateRegistersAndChats() throws Exception {
        try (TestServer server = withTls(dataDir)) {
            RawIrcClient secure = RawIrcClient.over(tlsSocket(server, certificateFile()));
            assertThat(secure.register("alice", "chat@123")).anyMatch(Lines.numeric(Numeric.RPL_WELCOME));
            secure.join("#general");
            RawIrcClient plain = server.user("bob");
            plain.join("#general");

            plain.send("PRIVMSG #general :over plain TCP");
            secure.expect(Lines.privmsgFrom("bob", "#general", "over plain TCP"));
            secure.send("PRIVMSG #general :over TLS");
            plain.expect(Lines.privmsgFrom("alice", "#general", "over TLS"));
        }
    }

    @Test
    void aPlainTextClientOnTheTlsPortGetsNoIrcAndIsClosed() {
        try (TestServer server = withTls(dataDir)) {
            RawIrcClient plain =
                    RawIrcClient.connect(server.server().tlsAddresses().get(0));
            plain.send("PASS chat@123");
            plain.send("NICK mallory");
            plain.send("USER m 0 * :M");

            assertThat(plain.awaitClosed(Duration.ofSeconds(5))).isTrue();
            assertThat(plain.transcript()).noneMatch(line -> line.startsWith("<-") && line.contains(" 001 "));
            RawIrcClient fine = server.user("carol");
            fine.send("PING alive");
            assertThat(fine.expectCommand("PONG").lastParam()).isEqualTo("alive");
        }
    }

    @Test
    void theCertificateIsGeneratedOnceAndReusedAfterARestart() throws Exception {
        String first;
        try (TestServer server = withTls(dataDir)) {
            first = server.server().tls().fingerprint();
            assertThat(first).isEqualTo(fingerprint(certificateFile()));
        }
        try (TestServer again = withTls(dataDir)) {
            assertThat(again.server().tls().fingerprint()).isEqualTo(first);
            assertThat(peerFingerprint(tlsSocket(again, certificateFile()))).isEqualTo(first);
        }
    }

    @Test
    void rehashLoadsANewCertificateForNewConnections() throws Exception {
        try (TestServer server = withTls(dataDir)) {
            String before = server.server().tls().fingerprint();
            Path certificate = certificateFile();
            Path key = dataDir.resolve("tls").resolve("parley-selfsigned.key");
            SelfSignedCertificate.generate("renewed.example", certificate, key);

            RawIrcClient admin = server.admin();
            admin.send("REHASH");
            admin.expect(Numeric.RPL_REHASHING);
            IrcMessage done = admin.expect(Lines.command("NOTICE"));
            assertThat(done.lastParam()).contains("reloaded");

            String after = fingerprint(certificate);
            assertThat(after).isNotEqualTo(before);
            assertThat(server.server().tls().fingerprint()).isEqualTo(after);
            assertThat(peerFingerprint(tlsSocket(server, certificate))).isEqualTo(after);
        }
    }

    @Test
    void configuredPemFilesAreUsedAndABrokenReplacementKeepsTheCertificateInForce() throws Exception {
        // REHASH answers a NOTICE per part of the reload (the configuration, then TLS).
        Path certificate = dataDir.resolve("configured.crt");
        Path key = dataDir.resolve("configured.key");
        SelfSignedCertificate.generate("configured.example", certificate, key);
        String configured = fingerprint(certificate);
        try (TestServer server = TestServer.startIn(
                dataDir,
                c -> c.withTls(new TlsConfig(
                        List.of(new ListenAddress("127.0.0.1", 0)), Optional.of(certificate), Optional.of(key))))) {
            assertThat(peerFingerprint(tlsSocket(server, certificate))).isEqualTo(configured);
            assertThat(certificateFile())
                    .as("no self-signed certificate when one is configured")
                    .doesNotExist();
            byte[] good = Files.readAllBytes(certificate);

            Files.writeString(certificate, "-----BEGIN CERTIFICATE-----\nbroken\n-----END CERTIFICATE-----\n");
            RawIrcClient admin = server.admin();
            admin.send("REHASH");
            assertThat(admin.expect(tlsNotice()).lastParam()).contains("failed");
            Files.write(certificate, good);
            assertThat(peerFingerprint(tlsSocket(server, certificate))).isEqualTo(configured);

            SelfSignedCertificate.generate("renewed.example", certificate, key);
            admin.send("REHASH");
            assertThat(admin.expect(tlsNotice()).lastParam()).contains("reloaded");
            assertThat(peerFingerprint(tlsSocket(server, certificate)))
                    .isEqualTo(fingerprint(certificate))
                    .isNotEqualTo(configured);
        }
    }

    @Test
    void theHttpListenerSpeaksHttpsAndTheWebSocketWss() throws Exception {
        try (TestServer server = TestServer.startIn(
                dataDir,
                c -> c.withTls(new TlsConfig(
                                List.of(new ListenAddress("127.0.0.1", 0)), Optional.empty(), Optional.empty()))
                        .withHttp(new HttpConfig(List.of(new ListenAddress("127.0.0.1", 0)), HttpConfig.Tls.AUTO)))) {
            HttpClient https = HttpClient.newBuilder()
                    .sslContext(trusting(certificateFile()))
                    .build();
            HttpResponse<String> index = https.send(
                    HttpRequest.newBuilder(WebSocketIT.uri(server, "/", "https"))
                            .timeout(Duration.ofSeconds(5))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(index.statusCode()).isEqualTo(200);
            assertThat(index.body()).contains("<html");

            WebSocketIT.Frames frames = new WebSocketIT.Frames();
            WebSocket wss = https.newWebSocketBuilder()
                    .subprotocols("text.ircv3.net")
                    .buildAsync(WebSocketIT.uri(server, "/ws", "wss"), frames)
                    .join();
            wss.sendText("PASS chat@123", true).join();
            wss.sendText("NICK secureweb", true).join();
            wss.sendText("USER secureweb 0 * :Secure web", true).join();
            frames.await(line -> line.contains(" 001 secureweb "));

            try (RawHttpConnection plain =
                    new RawHttpConnection(server.server().httpAddresses().get(0).getPort())) {
                plain.send(RawHttpConnection.get("/"));
                assertThat(plain.closedByServer())
                        .as("plain HTTP on the HTTPS port gets no page")
                        .isTrue();
            }
            String metrics = https.send(
                            HttpRequest.newBuilder(WebSocketIT.uri(server, "/metrics", "https"))
                                    .timeout(Duration.ofSeconds(5))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            assertThat(HttpIT.metric(metrics, "parley_errors_total"))
                    .as("a client's mistake is no server error")
                    .isZero();
        }
    }

    private static SSLSocket tlsSocket(TestServer server, Path trusted) throws Exception {
        SSLContext context = trusting(trusted);
        InetSocketAddress address = server.server().tlsAddresses().get(0);
        SSLSocket socket =
                (SSLSocket) context.getSocketFactory().createSocket(address.getHostString(), address.getPort());
        socket.startHandshake();
        return socket;
    }

    /** A TLS context that trusts only the certificate in {@code trusted}. */
    private static SSLContext trusting(Path trusted) throws Exception {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        try (InputStream in = Files.newInputStream(trusted)) {
            store.setCertificateEntry(
                    "parley", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    private static String peerFingerprint(SSLSocket socket) throws Exception {
        X509Certificate peer = (X509Certificate) socket.getSession().getPeerCertificates()[0];
        socket.close();
        return HexFormat.ofDelimiter(":")
                .withUpperCase()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(peer.getEncoded()));
    }

    private static String fingerprint(Path certificate) throws Exception {
        try (InputStream in = Files.newInputStream(certificate)) {
            X509Certificate x509 =
                    (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
            return HexFormat.ofDelimiter(":")
                    .withUpperCase()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(x509.getEncoded()));
        }
    }

    /** The REHASH notice about the TLS certificate. */
    private static java.util.function.Predicate<dev.parley.protocol.IrcMessage> tlsNotice() {
        return Lines.described(
                "the NOTICE about the TLS certificate",
                m -> m.verb().equals("NOTICE") && m.lastParam().startsWith("TLS"));
    }
}
