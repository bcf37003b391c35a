package dev.parley.server.it;

import static dev.parley.server.it.ChatHistory.ask;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.Numeric;
import dev.parley.protocol.name.NickName;
import dev.parley.testkit.Lines;
import dev.parley.testkit.RawIrcClient;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * A guest's private history and authorship belong to its connection, not to its nick: whoever holds
 * the nick next (in the same process or after a restart) reads none of it, sees none of its
 * conversations in TARGETS and redacts none of its messages. The guest itself keeps them for its
 * connection's life, across nick changes.
 */
class GuestIdentityIT {

    private static final String[] CAPS = {
        "batch", "server-time", "message-tags", "echo-message", "draft/chathistory", "draft/message-redaction"
    };
    private static final String PASSWORD = "correct-horse-battery";
    private static final String ALL_TIME =
            "timestamp=2000-01-01T00:00:00.000Z timestamp=" + Instant.now().plus(Duration.ofDays(365));

    @Test
    void theNextGuestOnANickReadsNoneOfTheEarlierGuestsHistoryAndRedactsNothing() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient bob = client(server, "bob");
            bob.join("#general");
            Earlier earlier = earlierGuestTalksAndQuits(server, bob);

            RawIrcClient next = client(server, "alice");
            assertKnowsNothingOfTheEarlierGuest(next, earlier);
        }
    }

    @Test
    void theNextGuestOnANickAfterARestartReadsNothingOfWhatAnAccountSaidToTheEarlierGuest() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient registering = client(server, "bob");
            registering.send("REGISTER * * :" + PASSWORD);
            registering.expect(Numeric.RPL_LOGGEDIN);
            registering.join("#general");
            Earlier earlier = earlierGuestTalksAndQuits(server, registering);

            server.restart();

            RawIrcClient bob = server.connect();
            bob.registerWithCaps("bob", PASSWORD, CAPS);
            bob.join("#general"); // first in, so room operator: the next guest is not
            assertThat(ask(bob, "TARGETS " + ALL_TIME + " 50").lines())
                    .extracting(line -> line.param(1))
                    .as("the account still lists its conversation with the earlier guest by nick")
                    .contains("alice");
            RawIrcClient next = client(server, "alice");
            assertKnowsNothingOfTheEarlierGuest(next, earlier);
            assertThat(ask(bob, "LATEST alice * 20").texts())
                    .as("the account reads its conversation with whoever is on the nick now")
                    .isEmpty();
        }
    }

    @Test
    void aGuestKeepsItsOwnPrivateHistoryAcrossANickChange() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient alice = client(server, "alice");
            RawIrcClient bob = client(server, "bob");
            alice.send("PRIVMSG bob :hello bob");
            bob.expect(Lines.privmsgFrom("alice", "bob", "hello bob"));
            bob.send("PRIVMSG alice :hello alice");
            alice.expect(Lines.privmsgFrom("bob", "alice", "hello alice"));

            alice.send("NICK ally");
            alice.expect(Lines.command("NICK"));

            assertThat(ask(alice, "LATEST bob * 20").texts()).containsExactly("hello bob", "hello alice");
            assertThat(ask(bob, "LATEST ally * 20").texts()).containsExactly("hello bob", "hello alice");
            List<String> names = ask(bob, "TARGETS " + ALL_TIME + " 50").lines().stream()
                    .map(line -> line.param(1))
                    .toList();
            assertThat(names)
                    .as("targets are shown as nicks, never as the guest's identity")
                    .isNotEmpty()
                    .allSatisfy(name ->
                            assertThat(NickName.isValid(name, 30)).as(name).isTrue());
        }
    }

    @Test
    void rowsStoredUnderAGuestsNickBeforeGuestIdentitiesMatchNoNewGuest() throws SQLException {
        Path dataDir;
        try (TestServer first = TestServer.start()) {
            dataDir = first.dataDir();
        }
        Instant then = Instant.now().minus(Duration.ofMinutes(5));
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("parley.db"))) {
            insertAsBefore(db, "old-dm", "alice bob", "bob", "a secret from the old days", then);
            insertAsBefore(db, "old-room", "#general", "#general", "old words in the room", then);
        }

        try (TestServer server = TestServer.startIn(dataDir, config -> config)) {
            RawIrcClient bob = client(server, "bob");
            bob.join("#general");
            RawIrcClient next = client(server, "alice");
            assertThat(ask(bob, "LATEST alice * 20").texts()).isEmpty();
            assertKnowsNothingOfTheEarlierGuest(next, new Earlier("old-dm", "old-room"));
            assertThat(ask(next, "LATEST #general * 20").texts()).containsExactly("old words in the room");
        }
    }

    /** A message from a guest on {@code alice}, as the server stored it before guests had identities. */
    private static void insertAsBefore(
            Connection db, String msgid, String key, String target, String text, Instant time) throws SQLException {
        boolean room = key.startsWith("#");
        String sql = "INSERT INTO messages (room_id, nickname, message, timestamp, msgid, history_key, target,"
                + " sender_source, account, command, tags, time_ms, dm_low, dm_high)"
                + " VALUES (?, 'alice', ?, ?, ?, ?, ?, 'alice!alice@127.0.0.1', NULL, 'PRIVMSG', '', ?, ?, ?)";
        try (PreparedStatement insert = db.prepareStatement(sql)) {
            insert.setString(1, room ? key.substring(1) : null);
            insert.setString(2, text);
            insert.setString(3, time.toString().replace('T', ' ').substring(0, 19));
            insert.setString(4, msgid);
            insert.setString(5, key);
            insert.setString(6, target);
            insert.setLong(7, time.toEpochMilli());
            insert.setString(8, room ? null : "alice");
            insert.setString(9, room ? null : "bob");
            insert.executeUpdate();
        }
    }

    /** What the earlier guest on {@code alice} left behind. */
    private record Earlier(String privateMsgid, String roomMsgid) {}

    /**
     * A guest on {@code alice} talks privately with {@code bob}, says something in #general, checks
     * that its history holds it all (so the later checks see stored rows), and quits.
     */
    private static Earlier earlierGuestTalksAndQuits(TestServer server, RawIrcClient bob) {
        RawIrcClient alice = client(server, "alice");
        alice.join("#general");
        String privateMsgid = say(alice, "bob", "secret for bob");
        bob.expect(Lines.privmsgFrom("alice", "bob", "secret for bob"));
        bob.send("PRIVMSG alice :secret reply");
        alice.expect(Lines.privmsgFrom("bob", "alice", "secret reply"));
        String roomMsgid = say(alice, "#general", "alice was here");
        bob.expect(Lines.privmsgFrom("alice", "#general", "alice was here"));

        assertThat(ask(alice, "LATEST bob * 20").texts()).containsExactly("secret for bob", "secret reply");
        assertThat(historyCommand(alice, "HISTORY bob 20")).containsExactly("secret for bob", "secret reply");
        assertThat(ask(alice, "TARGETS " + ALL_TIME + " 50").lines())
                .extracting(line -> line.param(1))
                .contains("bob");
        alice.send("QUIT");
        alice.awaitClosed(Duration.ofSeconds(5));
        return new Earlier(privateMsgid, roomMsgid);
    }

    /**
     * Every check of the issue, softly, so a failure lists all the holes at once: HISTORY,
     * CHATHISTORY LATEST and TARGETS show nothing of the earlier guest's conversation with bob, and
     * REDACT refuses its room message (the next guest is no room operator) and its private one.
     */
    private static void assertKnowsNothingOfTheEarlierGuest(RawIrcClient next, Earlier earlier) {
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(historyCommand(next, "HISTORY bob 20"))
                .as("HISTORY bob")
                .isEmpty();
        softly.assertThat(ask(next, "LATEST bob * 20").texts())
                .as("CHATHISTORY LATEST bob")
                .isEmpty();
        softly.assertThat(ask(next, "TARGETS " + ALL_TIME + " 50").lines())
                .as("CHATHISTORY TARGETS")
                .extracting(line -> line.param(1))
                .doesNotContain("bob");

        next.join("#general");
        next.send("REDACT #general " + earlier.roomMsgid());
        softly.assertThat(redactAnswer(next).params())
                .as("REDACT of the earlier guest's room message")
                .startsWith("REDACT", "REDACT_FORBIDDEN", "#general", earlier.roomMsgid());
        softly.assertThat(ask(next, "LATEST #general * 20").msgids())
                .as("the room message is still there")
                .contains(earlier.roomMsgid());
        next.send("REDACT bob " + earlier.privateMsgid());
        softly.assertThat(redactAnswer(next).verb())
                .as("REDACT of the earlier guest's private message")
                .isEqualTo("FAIL");
        softly.assertAll();
    }

    private static IrcMessage redactAnswer(RawIrcClient client) {
        return client.expect(Lines.anyOf(Lines.command("REDACT"), Lines.commandWithParams("FAIL", "REDACT")));
    }

    private static RawIrcClient client(TestServer server, String nick) {
        RawIrcClient client = server.connect();
        client.registerWithCaps(nick, "chat@123", CAPS);
        return client;
    }

    /** Sends a PRIVMSG and returns its msgid from the echo. */
    private static String say(RawIrcClient sender, String target, String text) {
        sender.send("PRIVMSG " + target + " :" + text);
        return sender.expect(Lines.commandWithParams("PRIVMSG", target, text)).tag("msgid");
    }

    /** The texts of the batch a plain {@code HISTORY} command answers with (the client has batch and server-time). */
    private static List<String> historyCommand(RawIrcClient client, String line) {
        client.send(line);
        IrcMessage start = client.expect(Lines.described(
                "a BATCH start", m -> m.verb().equals("BATCH") && m.param(0).startsWith("+")));
        String ref = start.param(0).substring(1);
        return client.collectUntil(Lines.commandWithParams("BATCH", "-" + ref)).stream()
                .filter(m -> Objects.equals(ref, m.tag("batch")))
                .map(IrcMessage::lastParam)
                .toList();
    }
}
