package dev.parley.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.Numeric;
import dev.parley.server.config.ConnectionLimitsConfig;
import dev.parley.testkit.Lines;
import dev.parley.testkit.RawIrcClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Per-IP limits on connections held at once and on new connections per window. The tests connect
 * from 127.0.0.1, so all but the last switch the loopback exemption off.
 */
class ConnectionLimitsIT {

    private static final Duration WINDOW = Duration.ofMinutes(10);

    @Test
    void theConnectionOverMaxPerIpIsRefusedAndClosed() {
        try (TestServer server =
                TestServer.start(TestLimits.connections(new ConnectionLimitsConfig(true, 3, 100, WINDOW, false)))) {
            RawIrcClient first = server.user("first");
            server.user("second");
            server.user("third");

            RawIrcClient fourth = server.connect();

            assertRefused(fourth, "Too many connections");
            first.send("PING :still-here");
            first.expect(Lines.command("PONG"));
        }
    }

    @Test
    void afterOneConnectionClosesANewOneIsAccepted() {
        try (TestServer server =
                TestServer.start(TestLimits.connections(new ConnectionLimitsConfig(true, 3, 100, WINDOW, false)))) {
            RawIrcClient first = server.user("first");
            server.user("second");
            server.user("third");
            assertRefused(server.connect(), "Too many connections");

            first.send("QUIT :making room");
            assertThat(first.awaitClosed(RawIrcClient.DEFAULT_TIMEOUT)).isTrue();

            // The server counts the slot free when its side of the close has run; retry until then.
            await().atMost(RawIrcClient.DEFAULT_TIMEOUT).untilAsserted(() -> server.user("fourth"));
        }
    }

    @Test
    void theThrottleRefusesTheSixthNewConnectionWithinTheWindow() {
        try (TestServer server =
                TestServer.start(TestLimits.connections(new ConnectionLimitsConfig(true, 100, 5, WINDOW, false)))) {
            for (int i = 1; i <= 5; i++) {
                RawIrcClient client = server.user("user" + i);
                client.send("QUIT");
                assertThat(client.awaitClosed(RawIrcClient.DEFAULT_TIMEOUT)).isTrue();
            }

            assertRefused(server.connect(), "Too many connection attempts");
        }
    }

    @Test
    void loopbackConnectionsAreExemptByDefault() {
        boolean exemptByDefault = ConnectionLimitsConfig.defaults().exemptLoopback();
        try (TestServer server = TestServer.start(
                TestLimits.connections(new ConnectionLimitsConfig(true, 3, 5, WINDOW, exemptByDefault)))) {
            List<RawIrcClient> clients = new ArrayList<>();
            for (int i = 1; i <= 20; i++) {
                clients.add(server.user("user" + i));
            }
            RawIrcClient last = clients.get(clients.size() - 1);
            last.send("LUSERS");
            assertThat(last.expect(Numeric.RPL_LUSERME).lastParam()).startsWith("I have 20 clients");
        }
    }

    private static void assertRefused(RawIrcClient client, String why) {
        IrcMessage error = client.expectCommand("ERROR");
        assertThat(error.lastParam()).contains(why);
        assertThat(client.awaitClosed(RawIrcClient.DEFAULT_TIMEOUT))
                .as("closed after the refusal")
                .isTrue();
    }
}
