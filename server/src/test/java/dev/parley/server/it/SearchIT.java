package dev.parley.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.protocol.IrcMessage;
import dev.parley.testkit.Lines;
import dev.parley.testkit.RawIrcClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SEARCH over real sockets, on the server's default SQLite database and its FTS5 index. */
class SearchIT {

    private static List<String> search(RawIrcClient client, String attributes) {
        client.send("SEARCH " + attributes);
        List<IrcMessage> reply = client.collectUntil(Lines.described(
                "the end of the search batch",
                m -> m.verb().equals("BATCH") && m.param(0).startsWith("-")));
        return reply.stream()
                .filter(m -> m.verb().equals("PRIVMSG"))
                .map(IrcMessage::lastParam)
                .toList();
    }

    @Test
    void aSearchFindsWhatWasSaidInTheSearchersRoomsAndNothingElse() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient alice = server.connect();
            alice.registerWithCaps("alice", "chat@123", "batch", "server-time", "message-tags", "soju.im/search");
            RawIrcClient bob = server.user("bob");
            alice.join("#team");
            bob.join("#team");
            bob.join("#board");
            bob.send("PRIVMSG #team :the Quarterly report is ready");
            bob.send("PRIVMSG #board :quarterly numbers are bad, keep it quiet");
            bob.send("PRIVMSG alice :quarterly review at noon");
            bob.send("PRIVMSG #team :lunch");

            // The writer stores in order: once the last message is found, all are stored.
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(
                            () -> assertThat(search(alice, "from=bob;limit=1")).containsExactly("lunch"));
            assertThat(search(alice, "text=quarterly"))
                    .containsExactly("the Quarterly report is ready", "quarterly review at noon");
            assertThat(search(alice, "text=quarterly;in=#team")).containsExactly("the Quarterly report is ready");

            alice.send("SEARCH in=#board;text=quarterly");
            IrcMessage refused = alice.expect(Lines.command("FAIL"));
            assertThat(refused.params()).startsWith("SEARCH", "INVALID_PARAMS", "in");
        }
    }
}
