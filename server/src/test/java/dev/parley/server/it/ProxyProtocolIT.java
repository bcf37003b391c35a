package dev.parley.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.Numeric;
import dev.parley.server.config.AddressRange;
import dev.parley.server.config.ConnectionLimitsConfig;
import dev.parley.server.config.HttpConfig;
import dev.parley.server.config.ListenAddress;
import dev.parley.server.config.ParleyConfig;
import dev.parley.server.config.ProxyConfig;
import dev.parley.server.config.TlsConfig;
import dev.parley.server.transport.ProxyHeaders;
import dev.parley.testkit.Lines;
import dev.parley.testkit.RawIrcClient;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * PROXY protocol headers and {@code X-Forwarded-For} sent over real sockets to a started server:
 * from a trusted proxy (127.0.0.1 here) the client they name is who WHOIS shows, whom the per-IP
 * limit counts and whom a ban refuses; from anyone else they are ordinary input. The limits'
 * loopback exemption is off, so the test's own direct connections count too.
 */
class ProxyProtocolIT {

    private static final int MAX_PER_IP = 2;

    private final List<AutoCloseable> opened = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable each : opened) {
            each.close();
        }
    }

    @Test
    void aV1HeaderFromATrustedProxyIsTheAddressWhoisShows() {
        try (TestServer server = TestServer.start(behindProxy("127.0.0.1"))) {
            RawIrcClient alice = proxied(server, ProxyHeaders.v1("203.0.113.7", 40_000, "127.0.0.1", 6667));
            alice.register("alice", "chat@123");
            RawIrcClient bob = server.user("bob");

            assertThat(whoisHost(bob, "alice")).isEqualTo("203.0.113.7");
            assertThat(whoisHost(bob, "bob"))
                    .as("a direct client of a trusted address, without a header, is at its own")
                    .isEqualTo("127.0.0.1");
        }
    }

    @Test
    void aV2HeaderOverIpv6IsTheAddressWhoisShows() {
        try (TestServer server = TestServer.start(behindProxy("127.0.0.1"))) {
            RawIrcClient alice = proxied(server, ProxyHeaders.v2("2001:db8::7", 40_000, "2001:db8::1", 6667));
            alice.register("alice", "chat@123");

            assertThat(whoisHost(alice, "alice")).isEqualTo("2001:db8::7");
        }
    }

    @Test
    void aV2LocalHeaderIsTheProxysOwnConnection() {
        try (TestServer server = TestServer.start(behindProxy("127.0.0.1"))) {
            RawIrcClient check = proxied(server, ProxyHeaders.v2Local());
            check.register("check", "chat@123");

            assertThat(whoisHost(check, "check")).isEqualTo("127.0.0.1");
        }
    }

    @Test
    void thePerIpLimitCountsTheClientNotTheProxy() {
        try (TestServer server = TestServer.start(behindProxy("127.0.0.1"))) {
            for (int i = 0; i < MAX_PER_IP; i++) {
                proxied(server, ProxyHeaders.v2("203.0.113.8", 40_000 + i, "127.0.0.1", 6667))
                        .register("same" + i, "chat@123");
            }

            RawIrcClient over = proxied(server, ProxyHeaders.v2("203.0.113.8", 41_000, "127.0.0.1", 6667));
            IrcMessage error = over.expectCommand("ERROR");
            assertThat(error.lastParam()).contains("203.0.113.8").contains("Too many connections");
            assertThat(over.awaitClosed(RawIrcClient.DEFAULT_TIMEOUT)).isTrue();

            RawIrcClient other = proxied(server, ProxyHeaders.v2("203.0.113.9", 40_000, "127.0.0.1", 6667));
            assertThat(other.register("other", "chat@123"))
                    .extracting(IrcMessage::command)
                    .as("another client through the same proxy, whose address already holds %d", MAX_PER_IP + 1)
                    .contains(Numeric.RPL_WELCOME.code());
        }
    }

    @Test
    void aBanOnTheClientsAddressRefusesItThroughTheProxy() {
        try (TestServer server = TestServer.start(behindProxy("127.0.0.1"))) {
            RawIrcClient admin = server.admin();
            admin.send("BAN *!*@203.0.113.10 :bad client");
            admin.expect(Lines.command("NOTICE"));

            RawIrcClient banned = proxied(server, ProxyHeaders.v1("203.0.113.10", 40_000, "127.0.0.1", 6667));
            sendRegistration(banned, "banned");
            assertThat(banned.expect(Numeric.ERR_YOUREBANNEDCREEP).lastParam()).contains("bad client");
            assertThat(banned.awaitClosed(RawIrcClient.DEFAULT_TIMEOUT)).isTrue();

            RawIrcClient fine = proxied(server, ProxyHeaders.v1("203.0.113.11", 40_000, "127.0.0.1", 6667));
            assertThat(fine.register("fine", "chat@123"))
                    .extracting(IrcMessage::command)
                    .contains(Numeric.RPL_WELCOME.code());
        }
    }

    @Test
    void anUntrustedPeersV1HeaderIsAnUnknownCommandAndChangesNothing() {
        try (TestServer server = TestServer.start(behindProxy("127.0.0.2"))) {
            RawIrcClient mallory = proxied(server, ProxyHeaders.v1("203.0.113.12", 40_000, "127.0.0.1", 6667));
            mallory.expect(Numeric.ERR_UNKNOWNCOMMAND);
            mallory.register("mallory", "chat@123");

            assertThat(whoisHost(mallory, "mallory")).isEqualTo("127.0.0.1");
        }
    }

    @Test
    void anUntrustedPeersV2HeaderIsRefusedByTheQuitItsSignatureHolds() {
        try (TestServer server = TestServer.start(behindProxy("127.0.0.2"))) {
            RawIrcClient mallory = proxied(server, ProxyHeaders.v2("203.0.113.13", 40_000, "127.0.0.1", 6667));

            assertThat(mallory.expectCommand("ERROR").lastParam()).doesNotContain("203.0.113.13");
            assertThat(mallory.awaitClosed(RawIrcClient.DEFAULT_TIMEOUT)).isTrue();
        }
    }

    @Test
    void onTheTlsListenerTheHeaderComesBeforeTheHandshake() throws Exception {
        UnaryOperator<ParleyConfig> tls = c -> c.withTls(
                new TlsConfig(List.of(new ListenAddress("127.0.0.1", 0)), Optional.empty(), Optional.empty()));
        try (TestServer server =
                TestServer.start(c -> tls.apply(behindProxy("127.0.0.1").apply(c)))) {
            Socket plain = new Socket();
            plain.connect(server.server().tlsAddresses().get(0), 5_000);
            plain.getOutputStream().write(ProxyHeaders.v2("198.51.100.30", 40_000, "127.0.0.1", 6697));
            SSLSocket secure = (SSLSocket)
                    trustingAnyone().getSocketFactory().createSocket(plain, "127.0.0.1", plain.getPort(), true);
            secure.startHandshake();
            RawIrcClient alice = track(RawIrcClient.over(secure));
            alice.register("alice", "chat@123");

            assertThat(whoisHost(alice, "alice")).isEqualTo("198.51.100.30");
        }
    }

    @Test
    void onTheHttpListenerAHeaderNamesTheWebSocketClient() throws Exception {
        try (TestServer server = TestServer.start(withHttp(behindProxy("127.0.0.1")))) {
            Socket socket = new Socket();
            socket.connect(server.server().httpAddresses().get(0), 5_000);
            opened.add(socket);
            socket.getOutputStream().write(ProxyHeaders.v1("192.0.2.40", 40_000, "127.0.0.1", 8080));
            RawWebSocket web = new RawWebSocket(socket);
            web.sendText("PASS chat@123");
            web.sendText("NICK webby");
            web.sendText("USER webby 0 * :Web");
            web.awaitLineContaining(" 001 webby ");
            RawIrcClient bob = server.user("bob");

            assertThat(whoisHost(bob, "webby")).isEqualTo("192.0.2.40");
        }
    }

    @Test
    void anUntrustedPeersHeaderOnTheHttpListenerIsABadRequest() throws Exception {
        try (TestServer server = TestServer.start(withHttp(behindProxy("127.0.0.2")))) {
            Socket socket = new Socket();
            socket.connect(server.server().httpAddresses().get(0), 5_000);
            socket.setSoTimeout(5_000);
            opened.add(socket);
            socket.getOutputStream()
                    .write(concat(
                            ProxyHeaders.v1("192.0.2.43", 40_000, "127.0.0.1", 8080),
                            "GET /livez HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
            String status = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);

            assertThat(status).isEqualTo("HTTP/1.1 400");
        }
    }

    @Test
    void aTrustedProxysOwnHttpConnectionsAreNotHeldToThePerIpLimit() throws Exception {
        try (TestServer server = TestServer.start(withHttp(behindProxy("127.0.0.1")))) {
            List<Socket> held = new ArrayList<>();
            for (int i = 0; i <= MAX_PER_IP; i++) {
                Socket socket = new Socket();
                socket.connect(server.server().httpAddresses().get(0), 5_000);
                socket.setSoTimeout(5_000);
                opened.add(socket);
                held.add(socket);
            }
            for (Socket socket : held) {
                socket.getOutputStream()
                        .write("GET /livez HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                String status = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
                assertThat(status)
                        .as("%d connections held by the proxy at once", held.size())
                        .isEqualTo("HTTP/1.1 200");
            }
        }
    }

    @Test
    void xForwardedForFromATrustedProxyNamesTheWebSocketClient() {
        try (TestServer server = TestServer.start(withHttp(behindProxy("127.0.0.1")))) {
            WebSocketLineClient web = webSocket(server, "203.0.113.99, 192.0.2.41");
            web.register("webby");
            RawIrcClient bob = server.user("bob");

            assertThat(whoisHost(bob, "webby")).isEqualTo("192.0.2.41");
        }
    }

    @Test
    void xForwardedForFromAnUntrustedPeerIsIgnored() {
        try (TestServer server = TestServer.start(withHttp(behindProxy("127.0.0.2")))) {
            WebSocketLineClient web = webSocket(server, "192.0.2.42");
            web.register("webby");
            RawIrcClient bob = server.user("bob");

            assertThat(whoisHost(bob, "webby")).isEqualTo("127.0.0.1");
        }
    }

    /** Trusts {@code proxy}; at most {@link #MAX_PER_IP} connections per address, loopback included. */
    static UnaryOperator<ParleyConfig> behindProxy(String proxy) {
        UnaryOperator<ParleyConfig> limits = TestLimits.connections(
                new ConnectionLimitsConfig(true, MAX_PER_IP, 100, Duration.ofMinutes(10), false));
        return c -> limits.apply(c).withProxy(new ProxyConfig(List.of(AddressRange.parse(proxy))));
    }

    private static UnaryOperator<ParleyConfig> withHttp(UnaryOperator<ParleyConfig> before) {
        return c -> before.apply(c)
                .withHttp(new HttpConfig(List.of(new ListenAddress("127.0.0.1", 0)), HttpConfig.Tls.OFF));
    }

    /** The host field of {@code nick}'s 311 RPL_WHOISUSER, as {@code asker} is told it. */
    static String whoisHost(RawIrcClient asker, String nick) {
        asker.send("WHOIS " + nick);
        return asker.expect(Numeric.RPL_WHOISUSER).params().get(3);
    }

    private RawIrcClient proxied(TestServer server, byte[] header) {
        RawIrcClient client = track(RawIrcClient.connect(server.address()));
        client.sendRaw(header);
        return client;
    }

    private WebSocketLineClient webSocket(TestServer server, String forwardedFor) {
        int port = server.server().httpAddresses().get(0).getPort();
        WebSocketLineClient web = WebSocketLineClient.connect(
                URI.create("ws://127.0.0.1:" + port + "/ws"), Map.of("X-Forwarded-For", forwardedFor));
        opened.add(web::close);
        return web;
    }

    private RawIrcClient track(RawIrcClient client) {
        opened.add(client);
        return client;
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    private static void sendRegistration(RawIrcClient client, String nick) {
        client.send("PASS chat@123");
        client.send("NICK " + nick);
        client.send("USER " + nick + " 0 * :" + nick);
    }

    /** The test is about the address, not the certificate: any will do. */
    private static SSLContext trustingAnyone() throws Exception {
        TrustManager anyone = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {}

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {}

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {anyone}, new SecureRandom());
        return context;
    }
}
