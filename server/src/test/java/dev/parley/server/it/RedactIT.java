package dev.parley.server.it;

import static dev.parley.server.it.ChatHistory.ask;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.Numeric;
import dev.parley.testkit.Lines;
import dev.parley.testkit.RawIrcClient;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * IRCv3 draft/message-redaction: REDACT deletes a message from history and reaches the clients that
 * negotiated the capability. Negative checks end with a later line from the same sender, so "nothing
 * came" is read up to a line that must follow it, without waiting out a quiet period.
 */
class RedactIT {

    private static final String[] CAPS = {
        "message-tags", "echo-message", "batch", "server-time", "draft/chathistory", "draft/message-redaction"
    };

    private static RawIrcClient redactor(TestServer server, String nick) {
        RawIrcClient client = server.connect();
        client.registerWithCaps(nick, "chat@123", CAPS);
        return client;
    }

    /** Sends a PRIVMSG and returns its msgid from the sender's echo. */
    private static String send(RawIrcClient sender, String target, String text) {
        sender.send("PRIVMSG " + target + " :" + text);
        return sender.expect(Lines.commandWithParams("PRIVMSG", target, text)).tag("msgid");
    }

    /** As {@link #send}, once {@code receiver} got the message too. */
    private static String say(RawIrcClient sender, RawIrcClient receiver, String target, String text) {
        String msgid = send(sender, target, text);
        receiver.expect(Lines.described(
                "PRIVMSG " + text,
                m -> m.verb().equals("PRIVMSG") && m.lastParam().equals(text)));
        return msgid;
    }

    private static Predicate<IrcMessage> redactOf(String from, String... params) {
        return Lines.described(
                "REDACT from " + from + " " + List.of(params),
                m -> m.verb().equals("REDACT")
                        && Lines.from(from).test(m)
                        && m.params().equals(List.of(params)));
    }

    /** The lines {@code client} reads up to a marker message that {@code sender} sends now. */
    private static List<IrcMessage> linesUntilNextMessage(RawIrcClient sender, RawIrcClient client, String target) {
        sender.send("PRIVMSG " + target + " :marker");
        return client.collectUntil(Lines.described(
                "the marker", m -> m.verb().equals("PRIVMSG") && m.lastParam().equals("marker")));
    }

    private static List<String> verbs(List<IrcMessage> lines) {
        return lines.stream().map(IrcMessage::verb).toList();
    }

    @Test
    void aMemberRedactsTheirOwnMessageAndTheRoomSeesWhoDidIt() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient alice = redactor(server, "alice");
            RawIrcClient bob = redactor(server, "bob");
            alice.join("#general");
            bob.join("#general");
            String msgid = say(bob, alice, "#general", "oops, wrong room");

            bob.send("REDACT #general " + msgid + " :wrong room");

            IrcMessage echo = bob.expect(redactOf("bob", "#general", msgid, "wrong room"));
            assertThat(echo.tag("msgid")).isNotBlank().isNotEqualTo(msgid);
            assertThat(echo.tag("time")).isNotBlank();
            alice.expect(redactOf("bob", "#general", msgid, "wrong room"));
        }
    }

    @Test
    void aRoomOperatorRedactsSomeoneElsesMessage() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient alice = redactor(server, "alice");
            RawIrcClient bob = redactor(server, "bob");
            alice.join("#general");
            bob.join("#general");
            String msgid = say(bob, alice, "#general", "join my network");

            alice.send("REDACT #general " + msgid + " spam");

            alice.expect(redactOf("alice", "#general", msgid, "spam"));
            bob.expect(redactOf("alice", "#general", msgid, "spam"));
        }
    }

    @Test
    void aMemberWithoutOperatorStatusCannotRedactSomeoneElsesMessage() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient alice = redactor(server, "alice");
            RawIrcClient bob = redactor(server, "bob");
            alice.join("#general");
            bob.join("#general");
            String msgid = say(alice, bob, "#general", "mine to keep");

            bob.send("REDACT #general " + msgid);

            IrcMessage fail = bob.expect(Lines.commandWithParams("FAIL", "REDACT", "REDACT_FORBIDDEN"));
            assertThat(fail.params().subList(2, 4)).containsExactly("#general", msgid);
            assertThat(verbs(linesUntilNextMessage(bob, alice, "#general"))).doesNotContain("REDACT");
            assertThat(ask(bob, "LATEST #general * 10").msgids()).contains(msgid);
        }
    }

    @Test
    void aMsgidNotInTheRoomsHistoryIsUnknown() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient alice = redactor(server, "alice");
            RawIrcClient bob = redactor(server, "bob");
            alice.join("#general");
            alice.join("#other");
            bob.join("#other");
            String elsewhere = say(bob, alice, "#other", "said in other");

            alice.send("REDACT #general no-such-message");
            IrcMessage unknown = alice.expect(Lines.commandWithParams("FAIL", "REDACT", "UNKNOWN_MSGID"));
            assertThat(unknown.params().subList(2, 4)).containsExactly("#general", "no-such-message");

            alice.send("REDACT #general " + elsewhere);
            alice.expect(Lines.commandWithParams("FAIL", "REDACT", "UNKNOWN_MSGID", "#general", elsewhere));
        }
    }

    @Test
    void aRoomThatDoesNotExistOrThatTheUserIsNotInIsAnInvalidTarget() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient alice = redactor(server, "alice");
            RawIrcClient bob = redactor(server, "bob");
            bob.join("#private");
            String msgid = send(bob, "#private", "members only");

            alice.send("REDACT #nowhere some-msgid");
            alice.expect(Lines.commandWithParams("FAIL", "REDACT", "INVALID_TARGET", "#nowhere"));
            alice.send("REDACT #private " + msgid);
            alice.expect(Lines.commandWithParams("FAIL", "REDACT", "INVALID_TARGET", "#private"));
            assertThat(ask(bob, "LATEST #private * 10").msgids()).contains(msgid);
        }
    }

    @Test
    void clientsWithoutTheCapabilityAreNotSentTheRedaction() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient alice = redactor(server, "alice");
            RawIrcClient plain = server.connect();
            plain.registerWithCaps("plain", "chat@123", "message-tags", "echo-message");
            alice.join("#general");
            plain.join("#general");
            String msgid = say(alice, plain, "#general", "soon gone");

            alice.send("REDACT #general " + msgid);
            alice.expect(redactOf("alice", "#general", msgid));

            assertThat(verbs(linesUntilNextMessage(alice, plain, "#general"))).doesNotContain("REDACT");
        }
    }

    @Test
    void aRedactedMessageIsNoLongerInHistoryAndCannotBeRedactedTwice() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient alice = redactor(server, "alice");
            RawIrcClient bob = redactor(server, "bob");
            alice.join("#general");
            bob.join("#general");
            String kept = say(alice, bob, "#general", "kept");
            String gone = say(alice, bob, "#general", "gone");
            assertThat(ask(bob, "LATEST #general * 10").msgids()).containsExactly(kept, gone);

            alice.send("REDACT #general " + gone);
            alice.expect(redactOf("alice", "#general", gone));
            bob.expect(redactOf("alice", "#general", gone));

            assertThat(ask(bob, "LATEST #general * 10").msgids()).containsExactly(kept);
            assertThat(ask(bob, "AROUND #general msgid=" + kept + " 10").texts())
                    .containsExactly("kept");
            alice.send("REDACT #general " + gone);
            alice.expect(Lines.commandWithParams("FAIL", "REDACT", "UNKNOWN_MSGID", "#general", gone));
        }
    }

    @Test
    void aMessageJustSentIsRedactedBeforeHistoryWouldHaveWrittenIt() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient alice = redactor(server, "alice");
            alice.join("#general");

            alice.send("REDACT #general " + send(alice, "#general", "at once"));

            alice.expect(Lines.command("REDACT"));
            assertThat(ask(alice, "LATEST #general * 10").lines()).isEmpty();
        }
    }

    @Test
    void aPrivateMessageIsRedactedByItsSenderOnly() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient alice = redactor(server, "alice");
            RawIrcClient bob = redactor(server, "bob");
            String fromAlice = say(alice, bob, "bob", "between us");
            String fromBob = say(bob, alice, "alice", "indeed");

            bob.send("REDACT alice " + fromAlice);
            bob.expect(Lines.commandWithParams("FAIL", "REDACT", "REDACT_FORBIDDEN", "alice", fromAlice));

            alice.send("REDACT bob " + fromAlice);
            alice.expect(redactOf("alice", "bob", fromAlice));
            bob.expect(redactOf("alice", "bob", fromAlice));
            assertThat(ask(bob, "LATEST alice * 10").msgids()).containsExactly(fromBob);
        }
    }

    @Test
    void aServerOperatorRedactsInARoomTheyAreNotIn() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient admin = server.connect();
            admin.registerWithCaps("oper", "chat@123", CAPS);
            admin.send("OPER admin admin123");
            admin.expect(Numeric.RPL_YOUREOPER);
            RawIrcClient bob = redactor(server, "bob");
            RawIrcClient carol = redactor(server, "carol");
            bob.join("#general");
            carol.join("#general");
            String msgid = say(carol, bob, "#general", "abuse");

            admin.send("REDACT #general " + msgid + " :abuse");

            admin.expect(redactOf("oper", "#general", msgid, "abuse"));
            bob.expect(redactOf("oper", "#general", msgid, "abuse"));
            carol.expect(redactOf("oper", "#general", msgid, "abuse"));
        }
    }
}
