package dev.parley.server.it;

import static dev.parley.server.it.ChatHistory.ask;
import static dev.parley.server.it.ChatHistory.historyClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.parley.testkit.Lines;
import dev.parley.testkit.RawIrcClient;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** An ordered shutdown: stop accepting, tell the clients, drain history, and return. */
class ShutdownIT {

    private static final Duration STOP_WITHIN = Duration.ofSeconds(10);

    @Test
    void stopTellsEveryConnectedClientWithAnErrorAndReturns() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient alice = server.user("alice");
            RawIrcClient bob = server.user("bob");
            alice.join("#general");
            bob.join("#general");
            RawIrcClient unregistered = server.connect();
            unregistered.send("NICK halfway");
            InetSocketAddress address = server.address();

            assertTimeoutPreemptively(STOP_WITHIN, server::stop, "stop() returns");

            for (RawIrcClient client : List.of(alice, bob)) {
                assertThat(client.expectCommand("ERROR").lastParam()).containsIgnoringCase("shutting down");
                assertThat(client.awaitClosed(STOP_WITHIN)).isTrue();
            }
            assertThat(unregistered.awaitClosed(STOP_WITHIN))
                    .as("connections still registering are closed too")
                    .isTrue();
            assertThatThrownBy(() -> RawIrcClient.connect(address)).isInstanceOf(UncheckedIOException.class);
        }
    }

    @Test
    void stopWithNobodyConnectedReturns() {
        try (TestServer server = TestServer.start()) {
            assertTimeoutPreemptively(STOP_WITHIN, server::stop, "stop() returns");
        }
    }

    /** Needs the storage work: the history writer drains its queue at shutdown. */
    @Test
    void messagesSentRightBeforeStopAreInHistoryAfterRestart() {
        try (TestServer server = TestServer.start(ChatHistory::withoutFloodControl)) {
            RawIrcClient alice = server.user("alice");
            RawIrcClient bob = server.user("bob");
            alice.join("#general");
            bob.join("#general");
            List<String> texts =
                    IntStream.range(0, 50).mapToObj(i -> "last words " + i).toList();
            texts.forEach(text -> alice.send("PRIVMSG #general :" + text));
            for (String text : texts) {
                bob.expect(Lines.privmsgFrom("alice", "#general", text));
            }

            assertTimeoutPreemptively(STOP_WITHIN, server::stop, "stop() returns");
            server.restart();

            RawIrcClient carol = historyClient(server, "carol");
            carol.join("#general");
            assertThat(ask(carol, "LATEST #general * 100").texts()).containsExactlyElementsOf(texts);
        }
    }
}
