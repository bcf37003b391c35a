package dev.parley.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.abort;

import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.Numeric;
import dev.parley.server.config.AddressRange;
import dev.parley.server.config.ConnectionLimitsConfig;
import dev.parley.server.config.HttpConfig;
import dev.parley.server.config.ListenAddress;
import dev.parley.server.config.ParleyConfig;
import dev.parley.server.config.ProxyConfig;
import dev.parley.testkit.Lines;
import dev.parley.testkit.RawIrcClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Debian's HAProxy in front of two Parley servers, as an operator would run it: {@code mode tcp},
 * {@code balance roundrobin}, {@code send-proxy-v2} to the IRC listeners, and {@code mode http}
 * with {@code option forwardfor} to {@code /ws}. HAProxy connects to the servers from 127.0.0.50
 * (the one trusted address); clients connect to it from other loopback addresses, and each server
 * must see those. Skipped without {@code /usr/sbin/haproxy}, failed then under
 * {@code CI_REQUIRE_SERVICES=1}.
 */
class HAProxyIT {

    private static final Path HAPROXY = Path.of("/usr/sbin/haproxy");
    private static final String PROXY_SOURCE = "127.0.0.50";
    private static final Duration START_WITHIN = Duration.ofSeconds(10);
    private static final int MAX_PER_IP = 2;

    @TempDir
    Path dir;

    private final List<TestServer> servers = new ArrayList<>();
    private final List<AutoCloseable> clients = new ArrayList<>();
    private Process haproxy;
    private int ircPort;
    private int httpPort;

    @BeforeEach
    void start() throws Exception {
        requireHaproxy();
        servers.add(TestServer.start(node()));
        servers.add(TestServer.start(node()));
        ircPort = freePort();
        httpPort = freePort();
        Path config = Files.writeString(dir.resolve("haproxy.cfg"), config());
        Path log = dir.resolve("haproxy.log");
        haproxy = new ProcessBuilder(HAPROXY.toString(), "-db", "-f", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        // Only the HTTP frontend is probed: a TCP-mode probe would reach a server, counted there.
        // HAProxy binds every frontend before it serves any.
        await("haproxy listening (its output: " + log + ")")
                .atMost(START_WITHIN)
                .until(() -> accepts(httpPort));
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable client : clients) {
            client.close();
        }
        if (haproxy != null) {
            haproxy.destroy();
            if (!haproxy.waitFor(5, TimeUnit.SECONDS)) {
                haproxy.destroyForcibly();
            }
        }
        servers.forEach(TestServer::close);
    }

    @Test
    void eachServerSeesTheRealClientAndConnectionsSpreadOverBoth() {
        List<RawIrcClient> watchers =
                servers.stream().map(s -> s.user("watcher")).toList();
        Map<Integer, Integer> perServer = new HashMap<>();
        for (int i = 2; i <= 5; i++) {
            String ip = "127.0.0." + i;
            throughProxyFrom(ip).register("user" + i, "chat@123");
            int where = serverHolding(watchers, "user" + i);
            perServer.merge(where, 1, Integer::sum);
            assertThat(ProxyProtocolIT.whoisHost(watchers.get(where), "user" + i))
                    .as("the address server %d sees for user%d", where, i)
                    .isEqualTo(ip);
        }
        assertThat(perServer).as("round robin: two connections each").containsOnly(Map.entry(0, 2), Map.entry(1, 2));
    }

    @Test
    void thePerIpLimitAppliesToTheRealAddress() {
        // Two connections per address per server: five from one client through two servers cannot all stay.
        List<String> outcomes = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            RawIrcClient client = throughProxyFrom("127.0.0.6");
            client.send("PASS chat@123");
            client.send("NICK same" + i);
            client.send("USER same 0 * :same");
            IrcMessage first = client.expect(Lines.anyOf(Lines.numeric(Numeric.RPL_WELCOME), Lines.command("ERROR")));
            outcomes.add(first.command().equals("ERROR") ? first.lastParam() : "welcome");
        }
        assertThat(outcomes).filteredOn("welcome"::equals).hasSize(2 * MAX_PER_IP);
        assertThat(outcomes)
                .filteredOn(outcome -> !outcome.equals("welcome"))
                .singleElement()
                .asString()
                .contains("127.0.0.6")
                .contains("Too many connections");
        RawIrcClient other = throughProxyFrom("127.0.0.7");
        assertThat(other.register("other", "chat@123"))
                .as("every connection came from HAProxy's one address; another client is still let in")
                .extracting(IrcMessage::command)
                .contains(Numeric.RPL_WELCOME.code());
    }

    @Test
    void webSocketsThroughHttpModeAreTheClientForwardforNames() {
        List<RawIrcClient> watchers =
                servers.stream().map(s -> s.user("watcher")).toList();
        // The client's own X-Forwarded-For is kept by HAProxy, which adds its own after it: the
        // right-most untrusted entry, HAProxy's, wins.
        WebSocketLineClient web = WebSocketLineClient.connect(
                URI.create("ws://127.0.0.1:" + httpPort + "/ws"), Map.of("X-Forwarded-For", "203.0.113.66"));
        clients.add(web::close);
        web.register("webby");

        int where = serverHolding(watchers, "webby");
        assertThat(ProxyProtocolIT.whoisHost(watchers.get(where), "webby")).isEqualTo("127.0.0.1");
        watchers.get(where).send("WHOIS watcher");
        assertThat(watchers.get(where).expect(Numeric.RPL_WHOISUSER).params().get(3))
                .as("a direct client of an untrusted address")
                .isEqualTo("127.0.0.1");
    }

    /** A node: trusts only HAProxy's source address; two connections per address; HTTP on. */
    private static UnaryOperator<ParleyConfig> node() {
        UnaryOperator<ParleyConfig> limits = TestLimits.connections(
                new ConnectionLimitsConfig(true, MAX_PER_IP, 100, Duration.ofMinutes(10), false));
        return c -> limits.apply(c)
                .withProxy(new ProxyConfig(List.of(AddressRange.parse(PROXY_SOURCE))))
                .withHttp(new HttpConfig(List.of(new ListenAddress("127.0.0.1", 0)), HttpConfig.Tls.OFF));
    }

    private String config() {
        StringBuilder irc = new StringBuilder();
        StringBuilder web = new StringBuilder();
        for (int i = 0; i < servers.size(); i++) {
            ParleyServerAddresses node = new ParleyServerAddresses(servers.get(i));
            irc.append("  server node")
                    .append(i)
                    .append(" 127.0.0.1:")
                    .append(node.irc())
                    .append(" source ")
                    .append(PROXY_SOURCE)
                    .append(" send-proxy-v2\n");
            web.append("  server node")
                    .append(i)
                    .append(" 127.0.0.1:")
                    .append(node.http())
                    .append(" source ")
                    .append(PROXY_SOURCE)
                    .append("\n");
        }
        return """
                global
                  nbthread 1
                defaults
                  timeout connect 5s
                  timeout client 60s
                  timeout server 60s
                  timeout tunnel 60s
                frontend irc
                  mode tcp
                  bind 127.0.0.1:%d
                  default_backend parley_irc
                backend parley_irc
                  mode tcp
                  balance roundrobin
                %sfrontend web
                  mode http
                  bind 127.0.0.1:%d
                  option forwardfor
                  default_backend parley_web
                backend parley_web
                  mode http
                  balance roundrobin
                %s""".formatted(ircPort, irc, httpPort, web);
    }

    private record ParleyServerAddresses(int irc, int http) {
        ParleyServerAddresses(TestServer server) {
            this(
                    server.address().getPort(),
                    server.server().httpAddresses().get(0).getPort());
        }
    }

    /** Which server (0 or 1) has {@code nick}, asked of each server's watcher. */
    private static int serverHolding(List<RawIrcClient> watchers, String nick) {
        List<Integer> holding = new ArrayList<>();
        for (int i = 0; i < watchers.size(); i++) {
            RawIrcClient watcher = watchers.get(i);
            watcher.send("WHOIS " + nick);
            IrcMessage answer = watcher.expect(
                    Lines.anyOf(Lines.numeric(Numeric.RPL_WHOISUSER), Lines.numeric(Numeric.ERR_NOSUCHNICK)));
            if (answer.command().equals(Numeric.RPL_WHOISUSER.code())) {
                holding.add(i);
            }
        }
        assertThat(holding).as("the servers holding %s", nick).hasSize(1);
        return holding.get(0);
    }

    private RawIrcClient throughProxyFrom(String ip) {
        Socket socket = new Socket();
        try {
            socket.bind(new InetSocketAddress(ip, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", ircPort), 5_000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        RawIrcClient client = RawIrcClient.over(socket);
        clients.add(client);
        return client;
    }

    private static boolean accepts(int port) {
        try (Socket probe = new Socket()) {
            probe.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }

    private static void requireHaproxy() {
        if (!Files.isExecutable(HAPROXY)) {
            String message = "haproxy is not installed (Debian: apt-get install haproxy)";
            if ("1".equals(System.getenv("CI_REQUIRE_SERVICES"))) {
                fail(message + "; CI requires it");
            }
            abort(message + ": HAProxyIT needs it");
        }
    }
}
