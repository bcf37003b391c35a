package dev.parley.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.Numeric;
import dev.parley.testkit.Lines;
import dev.parley.testkit.RawIrcClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * IRCv3 draft/read-marker over real sockets: MARKREAD get and set, markers that only move forward,
 * the MARKREAD a JOIN sends before its 366, the errors, a guest's markers on its connection and an
 * account's in the database, shared by its clients and kept across reconnects and restarts.
 */
class ReadMarkerIT {

    private static final String CAP = "draft/read-marker";
    private static final String PASSWORD = "correct-horse-battery";
    private static final String EARLY = "timestamp=2019-01-04T14:33:26.123Z";
    private static final String LATE = "timestamp=2019-06-01T12:00:00.000Z";

    @Test
    void aTargetWithoutAMarkerAnswersStarAndASetMarkerIsAnsweredBack() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient alice = guest(server, "alice");

            assertThat(markread(alice, "MARKREAD #nowhere")).containsExactly("#nowhere", "*");
            assertThat(markread(alice, "MARKREAD #room " + EARLY)).containsExactly("#room", EARLY);
            assertThat(markread(alice, "MARKREAD #room")).containsExactly("#room", EARLY);
            assertThat(markread(alice, "MARKREAD bob " + LATE)).containsExactly("bob", LATE);
            assertThat(markread(alice, "MARKREAD BOB")).containsExactly("BOB", LATE);
        }
    }

    @Test
    void aMarkerOnlyMovesForwardAndAnOlderSetIsAnsweredWithTheStoredOne() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient alice = guest(server, "alice");
            markread(alice, "MARKREAD #Room[1] " + LATE);

            assertThat(markread(alice, "MARKREAD #room{1} " + EARLY)).containsExactly("#room{1}", LATE);
            assertThat(markread(alice, "MARKREAD #ROOM[1]")).containsExactly("#ROOM[1]", LATE);
        }
    }

    @Test
    void joinSendsTheRoomsMarkerBeforeEndOfNames() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient alice = guest(server, "alice");

            List<IrcMessage> first = alice.join("#room");
            assertThat(markreadsIn(first)).containsExactly(List.of("#room", "*"));
            assertThat(indexOf(first, "MARKREAD"))
                    .isGreaterThan(indexOf(first, "JOIN"))
                    .isLessThan(indexOf(first, Numeric.RPL_ENDOFNAMES.code()));

            markread(alice, "MARKREAD #room " + EARLY);
            alice.send("PART #room");
            alice.expectCommand("PART");
            assertThat(markreadsIn(alice.join("#ROOM"))).containsExactly(List.of("#ROOM", EARLY)); // a new room
        }
    }

    @Test
    void withoutTheCapabilityJoinSendsNoMarker() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient plain = server.user("plain");

            assertThat(markreadsIn(plain.join("#room"))).isEmpty();
        }
    }

    @Test
    void missingOrMalformedParametersFail() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient alice = guest(server, "alice");

            alice.send("MARKREAD");
            alice.expect(Lines.commandWithParams("FAIL", "MARKREAD", "NEED_MORE_PARAMS"));
            for (String bad : List.of("timestamp=not-a-timestamp", "*", "2019-01-04T14:33:26.123Z", "timestamp=")) {
                alice.send("MARKREAD #room " + bad);
                alice.expect(Lines.commandWithParams("FAIL", "MARKREAD", "INVALID_PARAMS"));
            }
            alice.send("MARKREAD #bad,name " + EARLY);
            alice.expect(Lines.commandWithParams("FAIL", "MARKREAD", "INVALID_PARAMS", "#bad,name"));
            assertThat(markread(alice, "MARKREAD #room")).containsExactly("#room", "*");
        }
    }

    @Test
    void aGuestsMarkersLastOnlyAsLongAsItsConnection() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient first = guest(server, "guest");
            markread(first, "MARKREAD #room " + EARLY);
            quit(first);

            RawIrcClient again = guest(server, "guest");
            assertThat(markread(again, "MARKREAD #room")).containsExactly("#room", "*");
        }
    }

    @Test
    void anAccountsMarkersSurviveAReconnectAndARestart() {
        try (TestServer server = TestServer.start()) {
            registerAccount(server, "alys");
            RawIrcClient first = loggedIn(server, "alys");
            first.join("#room");
            markread(first, "MARKREAD #room " + EARLY);
            markread(first, "MARKREAD bob " + LATE);
            quit(first);

            RawIrcClient second = loggedIn(server, "alys");
            assertThat(markreadsIn(second.join("#Room"))).containsExactly(List.of("#Room", EARLY));
            assertThat(markread(second, "MARKREAD bob")).containsExactly("bob", LATE);
            assertThat(markread(second, "MARKREAD #room timestamp=2018-01-01T00:00:00.000Z"))
                    .containsExactly("#room", EARLY);

            server.restart();

            RawIrcClient third = loggedIn(server, "alys");
            assertThat(markreadsIn(third.join("#room"))).containsExactly(List.of("#room", EARLY));
            assertThat(markread(third, "MARKREAD BOB")).containsExactly("BOB", LATE);
        }
    }

    @Test
    void aMarkerThatMovesReachesTheAccountsOtherClientsWithTheCapability() {
        try (TestServer server = TestServer.start()) {
            registerAccount(server, "alys");
            RawIrcClient phone = loggedIn(server, "alys");
            RawIrcClient laptop = saslAfterRegistration(server, "alys2", "alys", CAP);
            RawIrcClient old = saslAfterRegistration(server, "alys3", "alys");
            RawIrcClient stranger = guest(server, "stranger");

            markread(phone, "MARKREAD #room " + LATE);
            assertThat(laptop.expectCommand("MARKREAD").params()).containsExactly("#room", LATE);

            markread(phone, "MARKREAD #room " + EARLY); // moves nothing, so tells no one
            // A reply to the client's own PING comes after every line queued for it before.
            for (RawIrcClient other : List.of(laptop, old, stranger)) {
                other.send("PING :sync");
                assertThat(markreadsIn(other.collectUntil(Lines.command("PONG"))))
                        .isEmpty();
            }
        }
    }

    private static RawIrcClient guest(TestServer server, String nick) {
        RawIrcClient client = server.connect();
        client.registerWithCaps(nick, "chat@123", CAP);
        return client;
    }

    /** Logged in to the account {@code nick} by PASS with its password. */
    private static RawIrcClient loggedIn(TestServer server, String nick) {
        RawIrcClient client = server.connect();
        client.registerWithCaps(nick, PASSWORD, CAP);
        return client;
    }

    /** A client registered as {@code nick} that then logs in to {@code account} with SASL PLAIN. */
    private static RawIrcClient saslAfterRegistration(TestServer server, String nick, String account, String... caps) {
        RawIrcClient client = server.connect();
        String[] withSasl = Arrays.copyOf(caps, caps.length + 1);
        withSasl[caps.length] = "sasl"; // AUTHENTICATE needs the sasl capability
        client.registerWithCaps(nick, "chat@123", withSasl);
        client.send("AUTHENTICATE PLAIN");
        client.expect(Lines.commandWithParams("AUTHENTICATE", "+"));
        String payload = account + "\0" + account + "\0" + PASSWORD;
        client.send("AUTHENTICATE " + Base64.getEncoder().encodeToString(payload.getBytes(StandardCharsets.UTF_8)));
        client.expect(Numeric.RPL_SASLSUCCESS);
        return client;
    }

    private static void registerAccount(TestServer server, String nick) {
        RawIrcClient client = server.user(nick);
        client.send("REGISTER * * :" + PASSWORD);
        assertThat(client.expectCommand("REGISTER").params()).startsWith("SUCCESS", nick);
        quit(client);
    }

    private static void quit(RawIrcClient client) {
        client.send("QUIT");
        client.awaitClosed(Duration.ofSeconds(5));
    }

    /** Sends {@code line} and returns the parameters of the MARKREAD that answers it. */
    private static List<String> markread(RawIrcClient client, String line) {
        client.send(line);
        return client.expectCommand("MARKREAD").params();
    }

    private static List<List<String>> markreadsIn(List<IrcMessage> lines) {
        return lines.stream()
                .filter(Lines.command("MARKREAD"))
                .map(IrcMessage::params)
                .toList();
    }

    private static int indexOf(List<IrcMessage> lines, String command) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).command().equals(command)) {
                return i;
            }
        }
        return -1;
    }
}
