package dev.parley.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.IrcMessage;
import dev.parley.testkit.Lines;
import dev.parley.testkit.RawIrcClient;
import java.time.Duration;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Connections that go quiet are closed: one that never finishes registering, and a registered one
 * that does not answer the server's PING. Short timeouts keep the tests fast; every wait is a
 * deadline on a line or on the close.
 */
class TimeoutIT {

    private static final Duration ONE_SECOND = Duration.ofSeconds(1);
    private static final Duration NONE = Duration.ZERO;

    @Test
    void aConnectionThatDoesNotRegisterInTimeIsClosed() {
        try (TestServer server = TestServer.start(TestLimits.timeouts(ONE_SECOND, NONE, ONE_SECOND))) {
            RawIrcClient lingerer = server.connect();
            lingerer.send("NICK lingerer");

            IrcMessage error = lingerer.expectCommand("ERROR");

            assertThat(error.lastParam()).contains("Registration timed out");
            assertThat(lingerer.awaitClosed(RawIrcClient.DEFAULT_TIMEOUT)).isTrue();
        }
    }

    @Test
    void aConnectionThatRegistersInTimeOutlivesTheRegistrationTimeout() {
        try (TestServer server = TestServer.start(TestLimits.timeouts(ONE_SECOND, NONE, ONE_SECOND))) {
            RawIrcClient prompt = server.user("prompt");

            assertThat(prompt.awaitClosed(Duration.ofMillis(1500)))
                    .as("closed after registering in time")
                    .isFalse();
        }
    }

    @Test
    void aClientThatDoesNotAnswerPingIsDisconnectedWithPingTimeout() {
        try (TestServer server =
                TestServer.start(TestLimits.timeouts(Duration.ofSeconds(60), ONE_SECOND, ONE_SECOND))) {
            RawIrcClient silent = server.user("silent");
            RawIrcClient mate = server.user("mate");
            silent.join("#room");
            mate.join("#room");

            silent.expectCommand("PING");
            // The mate is pinged too: it answers while it waits, so only the silent one times out.
            IrcMessage quit = answerPingsUntil(
                    mate,
                    Lines.described(
                            "QUIT of silent",
                            m -> m.verb().equals("QUIT") && Lines.from("silent").test(m)));
            IrcMessage error = silent.expectCommand("ERROR");

            assertThat(quit.lastParam()).contains("Ping timeout");
            assertThat(error.lastParam()).contains("Ping timeout");
            assertThat(silent.awaitClosed(RawIrcClient.DEFAULT_TIMEOUT)).isTrue();
        }
    }

    @Test
    void aClientThatAnswersPingStaysConnected() {
        try (TestServer server =
                TestServer.start(TestLimits.timeouts(Duration.ofSeconds(60), ONE_SECOND, ONE_SECOND))) {
            RawIrcClient lively = server.user("lively");

            // Three rounds: each answered PING must lead to another interval, not to a disconnect.
            for (int round = 0; round < 3; round++) {
                answerPing(lively);
            }

            lively.send("PING :are-we-fine");
            lively.expect(Lines.described(
                    "PONG are-we-fine", m -> m.verb().equals("PONG") && "are-we-fine".equals(m.lastParam())));
        }
    }

    /** Reads until {@code wanted}, answering the server's PINGs on the way so the reader itself stays. */
    private static IrcMessage answerPingsUntil(RawIrcClient client, Predicate<IrcMessage> wanted) {
        while (true) {
            IrcMessage next = client.expect(Lines.anyOf(Lines.command("PING"), wanted));
            if (wanted.test(next)) {
                return next;
            }
            client.send("PONG :" + next.lastParam());
        }
    }

    private static void answerPing(RawIrcClient client) {
        IrcMessage ping = client.expectCommand("PING");
        client.send("PONG :" + ping.lastParam());
    }
}
