package dev.parley.server.it;

import static dev.parley.server.it.ChatHistory.ask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.Numeric;
import dev.parley.testkit.Lines;
import dev.parley.testkit.RawIrcClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reactions and other TAGMSGs with client tags, and topic changes, are kept in history and replayed,
 * in place, by CHATHISTORY to clients with IRCv3 {@code draft/event-playback}; typing notifications
 * never are; HISTORY and SEARCH list text alone; REDACT deletes a reaction as any message.
 */
class EventPlaybackIT {

    private static final String PASSWORD = "a-long-enough-password";
    private static final String[] BASE = {
        "batch", "server-time", "message-tags", "echo-message", "draft/chathistory", "draft/message-redaction"
    };
    private static final String[] WITH_EVENTS = {
        "batch",
        "server-time",
        "message-tags",
        "echo-message",
        "draft/chathistory",
        "draft/message-redaction",
        "draft/event-playback",
        "soju.im/search"
    };

    @Test
    void aRoomReactionReplaysInItsPlaceWithEventPlaybackOnlyAndTypingNever() {
        try (TestServer server = TestServer.start(ChatHistory::withoutFloodControl)) {
            RawIrcClient alice = loggedIn(server, "alice");
            RawIrcClient bob = client(server, "bob", BASE);
            alice.join("#general");
            bob.join("#general");
            String hello = say(alice, "#general", "hello");
            String reaction = tag(alice, "#general", "+draft/react=👍;+draft/reply=" + hello);
            tag(alice, "#general", "+typing=active");
            String after = say(alice, "#general", "after");
            awaitNewest(alice, "#general", after);

            ChatHistory.Batch all = ask(alice, "LATEST #general * 10");
            assertThat(all.msgids()).containsExactly(hello, reaction, after);
            IrcMessage replayed = all.lines().get(1);
            assertThat(replayed.verb()).isEqualTo("TAGMSG");
            assertThat(replayed.params()).containsExactly("#general");
            assertThat(replayed.tag("+draft/react")).isEqualTo("👍");
            assertThat(replayed.tag("+draft/reply")).isEqualTo(hello);
            assertThat(replayed.tag("account")).isEqualTo("alice");
            assertThat(replayed.tag("time")).isNotBlank();
            assertThat(Lines.from("alice").test(replayed)).isTrue();

            assertThat(ask(bob, "LATEST #general * 10").msgids()).containsExactly(hello, after);
        }
    }

    @Test
    void everySubcommandCountsTheReactionInItsLimitWithEventPlaybackAndSkipsItWithout() {
        try (TestServer server = TestServer.start(ChatHistory::withoutFloodControl)) {
            RawIrcClient alice = client(server, "alice", WITH_EVENTS);
            RawIrcClient bob = client(server, "bob", BASE);
            alice.join("#general");
            bob.join("#general");
            String hello = say(alice, "#general", "hello");
            String reaction = tag(bob, "#general", "+draft/react=🎉;+draft/reply=" + hello);
            String after = say(alice, "#general", "after");
            awaitNewest(alice, "#general", after);

            assertThat(ask(alice, "LATEST #general * 2").msgids()).containsExactly(reaction, after);
            assertThat(ask(bob, "LATEST #general * 2").msgids()).containsExactly(hello, after);
            assertThat(ask(alice, "BEFORE #general msgid=" + after + " 1").msgids())
                    .containsExactly(reaction);
            assertThat(ask(bob, "BEFORE #general msgid=" + after + " 1").msgids())
                    .containsExactly(hello);
            assertThat(ask(alice, "AFTER #general msgid=" + hello + " 1").msgids())
                    .containsExactly(reaction);
            assertThat(ask(bob, "AFTER #general msgid=" + hello + " 1").msgids())
                    .containsExactly(after);
            assertThat(ask(alice, "AROUND #general msgid=" + reaction + " 3").msgids())
                    .containsExactly(hello, reaction, after);
            String between = "BETWEEN #general msgid=" + hello + " msgid=" + after + " 10";
            assertThat(ask(alice, between).msgids()).containsExactly(reaction);
            assertThat(ask(bob, between).lines()).isEmpty();
        }
    }

    @Test
    void aPrivateReactionReplaysToTheSideWithEventPlaybackOnly() {
        try (TestServer server = TestServer.start(ChatHistory::withoutFloodControl)) {
            RawIrcClient alice = client(server, "alice", WITH_EVENTS);
            RawIrcClient bob = client(server, "bob", BASE);
            String hi = say(alice, "bob", "hi bob");
            bob.expect(Lines.privmsgFrom("alice", "bob", "hi bob"));
            String reaction = tag(bob, "alice", "+draft/react=❤;+draft/reply=" + hi);
            alice.expect(Lines.described("bob's reaction", m -> m.verb().equals("TAGMSG")));
            tag(bob, "alice", "+typing=paused");
            String later = say(alice, "bob", "later");
            awaitNewest(alice, "bob", later);

            ChatHistory.Batch dm = ask(alice, "LATEST bob * 10");
            assertThat(dm.msgids()).containsExactly(hi, reaction, later);
            assertThat(dm.lines().get(1).params()).containsExactly("alice");
            assertThat(dm.lines().get(1).tag("+draft/react")).isEqualTo("❤");
            assertThat(ask(bob, "LATEST alice * 10").msgids()).containsExactly(hi, later);
        }
    }

    @Test
    void historySearchAndClientsWithoutMessageTagsNeverGetTheReaction() {
        try (TestServer server = TestServer.start(ChatHistory::withoutFloodControl)) {
            RawIrcClient alice = client(server, "alice", WITH_EVENTS);
            RawIrcClient plain = server.user("plain");
            RawIrcClient tagless =
                    client(server, "tagless", "batch", "server-time", "draft/chathistory", "draft/event-playback");
            alice.join("#general");
            plain.join("#general");
            tagless.join("#general");
            String hello = say(alice, "#general", "hello");
            tag(alice, "#general", "+draft/react=👍;+draft/reply=" + hello);
            String after = say(alice, "#general", "after");
            awaitNewest(alice, "#general", after);

            plain.send("HISTORY #general");
            plain.expect(Lines.described(
                    "the end of history, two messages",
                    m -> m.verb().equals("NOTICE") && m.lastParam().contains("(2 messages)")));
            alice.send("HISTORY #general");
            List<IrcMessage> batched = alice.collectUntil(Lines.described(
                    "the end of the batch",
                    m -> m.verb().equals("BATCH") && m.param(0).startsWith("-")));
            assertThat(batched).noneMatch(Lines.command("TAGMSG"));
            assertThat(batched).filteredOn(Lines.command("PRIVMSG")).hasSize(2);

            alice.send("SEARCH from=alice");
            List<IrcMessage> found = alice.collectUntil(Lines.described(
                    "the end of the search",
                    m -> m.verb().equals("BATCH") && m.param(0).startsWith("-")));
            assertThat(found).noneMatch(Lines.command("TAGMSG"));
            assertThat(found).filteredOn(Lines.command("PRIVMSG")).hasSize(2);

            ChatHistory.Batch withoutTags = ask(tagless, "LATEST #general * 10");
            assertThat(withoutTags.lines()).extracting(IrcMessage::verb).containsExactly("PRIVMSG", "PRIVMSG");
        }
    }

    @Test
    void topicChangesReplayWithTheirEchoedMsgidAndTimeWithEventPlaybackOnly() {
        try (TestServer server = TestServer.start(ChatHistory::withoutFloodControl)) {
            RawIrcClient alice = client(server, "alice", WITH_EVENTS);
            RawIrcClient bob = client(server, "bob", BASE);
            alice.join("#general");
            bob.join("#general");
            alice.send("TOPIC #general :release on Friday");
            IrcMessage echo = alice.expect(Lines.commandWithParams("TOPIC", "#general", "release on Friday"));
            IrcMessage seen = bob.expect(Lines.commandWithParams("TOPIC", "#general", "release on Friday"));
            assertThat(seen.tag("msgid")).isNotBlank().isEqualTo(echo.tag("msgid"));
            String after = say(alice, "#general", "noted");
            awaitNewest(alice, "#general", after);

            ChatHistory.Batch all = ask(alice, "LATEST #general * 10");
            assertThat(all.msgids()).containsExactly(echo.tag("msgid"), after);
            IrcMessage replayed = all.lines().get(0);
            assertThat(replayed.verb()).isEqualTo("TOPIC");
            assertThat(replayed.params()).containsExactly("#general", "release on Friday");
            assertThat(replayed.tag("time")).isEqualTo(echo.tag("time"));
            assertThat(ask(bob, "LATEST #general * 10").msgids()).containsExactly(after);
        }
    }

    @Test
    void aRedactedReactionIsGoneFromHistory() {
        try (TestServer server = TestServer.start(ChatHistory::withoutFloodControl)) {
            RawIrcClient alice = client(server, "alice", WITH_EVENTS);
            RawIrcClient bob = client(server, "bob", WITH_EVENTS);
            alice.join("#general");
            bob.join("#general");
            String hello = say(alice, "#general", "hello");
            String reaction = tag(bob, "#general", "+draft/react=👎;+draft/reply=" + hello);
            awaitNewest(alice, "#general", reaction);

            bob.send("REDACT #general " + reaction);
            bob.expect(Lines.described(
                    "REDACT of the reaction",
                    m -> m.verb().equals("REDACT") && m.params().equals(List.of("#general", reaction))));

            assertThat(ask(alice, "LATEST #general * 10").msgids()).containsExactly(hello);
        }
    }

    private static RawIrcClient client(TestServer server, String nick, String... caps) {
        RawIrcClient client = server.connect();
        client.registerWithCaps(nick, "chat@123", caps);
        return client;
    }

    /** A history client with event-playback, logged in to a new account {@code nick}. */
    private static RawIrcClient loggedIn(TestServer server, String nick) {
        RawIrcClient client = client(server, nick, WITH_EVENTS);
        client.send("REGISTER * * :" + PASSWORD);
        client.expect(Numeric.RPL_LOGGEDIN);
        return client;
    }

    /** Sends a PRIVMSG; its msgid, from the echo. */
    private static String say(RawIrcClient sender, String target, String text) {
        sender.send("PRIVMSG " + target + " :" + text);
        return sender.expect(Lines.commandWithParams("PRIVMSG", target, text)).tag("msgid");
    }

    /** Sends a TAGMSG with these client tags; its msgid, from the echo. */
    private static String tag(RawIrcClient sender, String target, String tags) {
        sender.send("@" + tags + " TAGMSG " + target);
        return sender.expect(Lines.commandWithParams("TAGMSG", target)).tag("msgid");
    }

    /** Waits until the newest line of {@code target}'s history, with event-playback, is {@code msgid}. */
    private static void awaitNewest(RawIrcClient reader, String target, String msgid) {
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(
                                ask(reader, "LATEST " + target + " * 1").msgids())
                        .containsExactly(msgid));
    }
}
