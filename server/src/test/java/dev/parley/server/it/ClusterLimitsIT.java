package dev.parley.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.Numeric;
import dev.parley.server.config.ConnectionLimitsConfig;
import dev.parley.testkit.Lines;
import dev.parley.testkit.RawIrcClient;
import dev.parley.testkit.TcpProxy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The login and per-address connection limits count on every node together, in Redis: an attacker
 * who spreads wrong passwords or connections over the nodes gets no more than on one node. Nodes
 * in-process on MariaDB and the local Redis; clients come from their own 127.0.0.0/8 addresses.
 */
class ClusterLimitsIT {

    private static final Duration LEASE = Duration.ofSeconds(3);
    private static final Duration WINDOW = Duration.ofMinutes(10);

    /** accounts.login-attempts by default: wrong passwords per (account, address) in the window. */
    private static final int LOGIN_ATTEMPTS = 5;

    @Test
    void wrongPasswordsSpreadOverTwoNodesHitTheLimitAsOnOne() throws Exception {
        try (ClusterServices services = ClusterServices.open(ClusterServices.Vendor.MARIADB);
                TestServer a = services.node("a", LEASE);
                TestServer b = services.node("b", LEASE)) {
            RawIrcClient onA = a.connectFrom("127.0.4.1");
            onA.register("alice", "chat@123");
            RawIrcClient onB = b.connectFrom("127.0.4.1");
            onB.register("bob", "chat@123");

            for (int i = 0; i < LOGIN_ATTEMPTS; i++) {
                RawIrcClient guesser = i % 2 == 0 ? onA : onB;
                guesser.send("OPER admin wrong-" + i);
                assertThat(guesser.expect(Numeric.ERR_PASSWDMISMATCH).lastParam())
                        .isEqualTo("Password incorrect");
            }

            onB.send("OPER admin admin123");
            assertThat(onB.expect(Numeric.ERR_PASSWDMISMATCH).lastParam())
                    .as("B saw only 2 of the 5 wrong passwords, but counts all of them")
                    .containsIgnoringCase("too many");
            onA.send("OPER admin admin123");
            assertThat(onA.expect(Numeric.ERR_PASSWDMISMATCH).lastParam()).containsIgnoringCase("too many");
        }
    }

    @Test
    void withoutRedisANodeCountsLoginAttemptsAloneAndSaysSoOnce() throws Exception {
        try (LogCapture logs = LogCapture.begin();
                ClusterServices services = ClusterServices.open(ClusterServices.Vendor.MARIADB);
                TcpProxy proxy = new TcpProxy("127.0.0.1", 6379);
                TestServer a = services.node("a", "redis://127.0.0.1:" + proxy.port(), LEASE)) {
            RawIrcClient guesser = a.connectFrom("127.0.7.1");
            guesser.register("gus", "chat@123");

            proxy.cut();

            for (int i = 0; i < LOGIN_ATTEMPTS; i++) {
                guesser.send("OPER admin wrong-" + i);
                assertThat(guesser.expect(Numeric.ERR_PASSWDMISMATCH).lastParam())
                        .isEqualTo("Password incorrect");
            }
            guesser.send("OPER admin admin123");
            assertThat(guesser.expect(Numeric.ERR_PASSWDMISMATCH).lastParam()).containsIgnoringCase("too many");
            assertThat(logs.lines().stream()
                            .filter(line -> line.message().contains("cannot count login attempts in Redis")))
                    .as("said once, not once per attempt")
                    .hasSize(1);
        }
    }

    @Test
    void connectionsFromOneAddressSpreadOverTwoNodesHitThePerAddressLimitAsOnOne() throws Exception {
        ConnectionLimitsConfig threePerAddress = new ConnectionLimitsConfig(true, 3, 100, WINDOW, false);
        try (ClusterServices services = ClusterServices.open(ClusterServices.Vendor.MARIADB);
                TestServer a = services.node("a", LEASE, TestLimits.connections(threePerAddress));
                TestServer b = services.node("b", LEASE, TestLimits.connections(threePerAddress))) {
            RawIrcClient first = registered(a, "first");
            registered(b, "second");
            registered(a, "third");
            // each node counts its connections in Redis once it has them: wait until all three are
            // counted, or the fourth could be counted before the third and the third be refused
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> services.redisHash("connections:127.0.5.1").values().stream()
                                    .mapToInt(Integer::parseInt)
                                    .sum()
                            == 3);

            RawIrcClient fourth = b.connectFrom("127.0.5.1");

            IrcMessage error = fourth.expectCommand("ERROR");
            assertThat(error.lastParam()).contains("Too many connections");
            assertThat(fourth.awaitClosed(RawIrcClient.DEFAULT_TIMEOUT)).isTrue();
            first.send("QUIT :making room");
            assertThat(first.awaitClosed(RawIrcClient.DEFAULT_TIMEOUT)).isTrue();
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> registered(b, "fifth"));
        }
    }

    @Test
    void newConnectionsFromOneAddressSpreadOverTwoNodesHitTheThrottleAsOnOne() throws Exception {
        ConnectionLimitsConfig fourPerWindow = new ConnectionLimitsConfig(true, 100, 4, WINDOW, false);
        try (ClusterServices services = ClusterServices.open(ClusterServices.Vendor.MARIADB);
                TestServer a = services.node("a", LEASE, TestLimits.connections(fourPerWindow));
                TestServer b = services.node("b", LEASE, TestLimits.connections(fourPerWindow))) {
            for (int i = 1; i <= 4; i++) {
                RawIrcClient client = registered(i % 2 == 0 ? a : b, "user" + i);
                client.send("QUIT");
                assertThat(client.awaitClosed(RawIrcClient.DEFAULT_TIMEOUT)).isTrue();
            }

            RawIrcClient fifth = a.connectFrom("127.0.6.1");

            assertThat(fifth.expectCommand("ERROR").lastParam()).contains("Too many connection attempts");
        }
    }

    /** A user registered from this test's one address (per test: 127.0.5.1 or 127.0.6.1). */
    private static RawIrcClient registered(TestServer node, String nick) {
        String address = nick.startsWith("user") ? "127.0.6.1" : "127.0.5.1";
        RawIrcClient client = node.connectFrom(address);
        assertThat(client.register(nick, "chat@123")).anyMatch(Lines.numeric(Numeric.RPL_WELCOME));
        return client;
    }
}
