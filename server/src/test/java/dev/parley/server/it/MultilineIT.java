package dev.parley.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.protocol.IrcMessage;
import dev.parley.testkit.Lines;
import dev.parley.testkit.RawIrcClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * IRCv3 draft/multiline over real sockets: a pasted block goes to clients that enabled the
 * capability as one batch and to the others as lines, is stored once, and CHATHISTORY gives it
 * back as the sender split it.
 */
class MultilineIT {

    private static final String[] MULTILINE = {
        "batch", "draft/multiline", "message-tags", "server-time", "echo-message", "draft/chathistory"
    };

    private static boolean batchEnd(IrcMessage m) {
        return m.verb().equals("BATCH") && m.param(0).startsWith("-");
    }

    @Test
    void aPasteIsOneMessageForMultilineClientsLinesForOthersAndOneMessageInHistory() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient alice = server.connect();
            alice.registerWithCaps("alice", "chat@123", MULTILINE);
            RawIrcClient bob = server.connect();
            bob.registerWithCaps("bob", "chat@123", MULTILINE);
            RawIrcClient carol = server.user("carol");
            alice.join("#code");
            bob.join("#code");
            carol.join("#code");
            alice.expect(Lines.joinOf("carol", "#code"));
            bob.expect(Lines.joinOf("carol", "#code"));

            alice.send("BATCH +p1 draft/multiline #code");
            alice.send("@batch=p1 PRIVMSG #code :for x in xs:");
            alice.send("@batch=p1 PRIVMSG #code :");
            alice.send("@batch=p1 PRIVMSG #code :    print(x, ");
            alice.send("@batch=p1;draft/multiline-concat PRIVMSG #code :end='')");
            alice.send("BATCH -p1");

            List<IrcMessage> atBob = bob.collectUntil(Lines.described("the batch's end", MultilineIT::batchEnd));
            assertThat(atBob.get(0).verb()).isEqualTo("BATCH");
            assertThat(atBob.get(0).params())
                    .containsExactly("+" + atBob.get(0).tag("msgid"), "draft/multiline", "#code");
            assertThat(atBob.subList(1, atBob.size() - 1))
                    .extracting(IrcMessage::lastParam)
                    .containsExactly("for x in xs:", "", "    print(x, ", "end='')");
            assertThat(atBob.get(4).hasTag("draft/multiline-concat")).isTrue();

            List<IrcMessage> atCarol = List.of(
                    carol.expect(Lines.privmsgFrom("alice", "#code", "for x in xs:")),
                    carol.expect(Lines.privmsgFrom("alice", "#code", "    print(x, ")),
                    carol.expect(Lines.privmsgFrom("alice", "#code", "end='')")));
            assertThat(atCarol).allMatch(m -> !m.hasTag("batch"));

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                bob.send("CHATHISTORY LATEST #code * 10");
                List<IrcMessage> replay = bob.collectUntil(Lines.described(
                        "the history batch's end",
                        // The server closes the history batch; alice's source closes the nested one.
                        m -> batchEnd(m) && !m.source().contains("!")));
                assertThat(replay)
                        .filteredOn(m -> m.verb().equals("PRIVMSG"))
                        .extracting(IrcMessage::lastParam)
                        .containsExactly("for x in xs:", "", "    print(x, ", "end='')");
                assertThat(replay)
                        .filteredOn(m -> m.verb().equals("BATCH") && m.params().contains("draft/multiline"))
                        .hasSize(1);
            });
        }
    }
}
