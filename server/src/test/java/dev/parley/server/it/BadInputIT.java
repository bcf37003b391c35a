package dev.parley.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.Numeric;
import dev.parley.testkit.Lines;
import dev.parley.testkit.RawIrcClient;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Input a client should not send: oversized, not UTF-8, NUL, stray CR, unknown or incomplete
 * commands, bad names, and random bytes. Each is answered with its numeric and the connection (and
 * server) lives on. Flood control is off: these tests send many lines and are not about pacing.
 */
class BadInputIT {

    private TestServer server;
    private RawIrcClient alice;
    private RawIrcClient bob;

    @BeforeEach
    void twoUsersInARoom() {
        server = TestServer.start(TestLimits.noFlood());
        alice = server.user("alice");
        bob = server.user("bob");
        alice.join("#room");
        bob.join("#room");
        alice.expect(Lines.joinOf("bob", "#room"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aLineOver512BytesIsAnswered417AndTheConnectionLivesOn() {
        alice.send("PRIVMSG #room :" + "x".repeat(600));
        alice.expect(Numeric.ERR_INPUTTOOLONG);
        assertAnswersPing(alice, "after-long-line");
        assertNothingRelayedBeforeMarker(alice, bob);
    }

    @Test
    void tagsOver4094BytesAreAnswered417() {
        alice.send("@+big=" + "t".repeat(4100) + " PRIVMSG #room :tagged");
        alice.expect(Numeric.ERR_INPUTTOOLONG);
        assertAnswersPing(alice, "after-long-tags");
        assertNothingRelayedBeforeMarker(alice, bob);
    }

    @Test
    void aGiantLineWithoutNewlineIsAnsweredOnceAndTheNextLineIsHandled() {
        alice.sendRaw("y".repeat(9500).getBytes(StandardCharsets.US_ASCII));
        alice.expect(Numeric.ERR_INPUTTOOLONG);
        alice.sendRaw(("z".repeat(9500) + "\r\nPING :after-giant\r\n").getBytes(StandardCharsets.US_ASCII));
        List<IrcMessage> lines = alice.collectUntil(pong("after-giant"));
        assertThat(lines)
                .as("no second 417 for the rest of the same line")
                .noneMatch(Lines.numeric(Numeric.ERR_INPUTTOOLONG));
        assertNothingRelayedBeforeMarker(alice, bob);
    }

    @Test
    void invalidUtf8InPrivmsgFailsWithInvalidUtf8AndIsNotRelayed() {
        alice.sendRaw(bytes("PRIVMSG #room :caf", new byte[] {(byte) 0xC3, 0x28}, "\r\n"));
        IrcMessage fail = alice.expectCommand("FAIL");
        assertThat(fail.params()).startsWith("PRIVMSG", "INVALID_UTF8");
        assertNothingRelayedBeforeMarker(alice, bob);
    }

    @Test
    void aNulByteIsAnswered400AndNotRelayed() {
        alice.sendRaw(bytes("PRIVMSG #room :before", new byte[] {0}, "after\r\n"));
        alice.expect(Numeric.ERR_UNKNOWNERROR);
        assertNothingRelayedBeforeMarker(alice, bob);
    }

    @Test
    void aStrayCrSplitsTheLineAndBothHalvesAreHandled() {
        alice.sendRaw("PRIVMSG #room :first half\rPRIVMSG #room :second half\r\n".getBytes(StandardCharsets.UTF_8));
        bob.expect(Lines.privmsgFrom("alice", "#room", "first half"));
        bob.expect(Lines.privmsgFrom("alice", "#room", "second half"));
    }

    @Test
    void noCrOrLfReachesAnotherClientInARelayedMessage() {
        RawIrcClient carol = server.connect();
        carol.registerWithCaps("carol", "chat@123", "message-tags");
        carol.join("#room");
        alice.expect(Lines.joinOf("carol", "#room"));
        alice.send("@+draft/reply=a\\rb\\nc PRIVMSG #room :tag with escaped line breaks");
        alice.sendRaw(
                "PRIVMSG #room :one\rPRIVMSG #room :two\nPRIVMSG #room :marker\r\n".getBytes(StandardCharsets.UTF_8));
        List<IrcMessage> carolSaw = carol.collectUntil(Lines.privmsgFrom("alice", "#room", "marker"));
        bob.expect(Lines.privmsgFrom("alice", "#room", "marker"));
        for (RawIrcClient reader : List.of(bob, carol)) {
            assertThat(reader.transcript())
                    .filteredOn(line -> line.startsWith("<- "))
                    .noneMatch(line -> line.contains("\\x0d") || line.contains("\\x0a"));
        }
        assertThat(carolSaw)
                .filteredOn(m -> m.hasTag("+draft/reply"))
                .singleElement()
                .satisfies(m -> assertThat(m.tag("+draft/reply")).isEqualTo("a\rb\nc"));
        assertThat(carolSaw)
                .filteredOn(Lines.command("PRIVMSG"))
                .extracting(IrcMessage::lastParam)
                .containsExactly("tag with escaped line breaks", "one", "two", "marker");
    }

    @Test
    void anUnknownCommandIsAnswered421() {
        alice.send("FROBNICATE now");
        assertThat(alice.expect(Numeric.ERR_UNKNOWNCOMMAND).param(1)).isEqualTo("FROBNICATE");
    }

    @Test
    void commandsMissingParametersAreAnswered461() {
        for (String line : List.of("JOIN", "KICK #room", "USER x")) {
            alice.send(line);
            String verb = line.split(" ")[0];
            assertThat(alice.expect(Numeric.ERR_NEEDMOREPARAMS).param(1)).isEqualTo(verb);
        }
    }

    @Test
    void aParameterThatCannotBeEchoedInAnErrorIsShownAsStarAndTheConnectionLivesOn() {
        // Each of these echoes a trailing parameter (spaces, a leading ':' or empty) in the middle of
        // an error numeric, where the wire cannot carry it.
        alice.send("MODE :no such nick");
        assertThat(alice.expect(Numeric.ERR_NOSUCHNICK).param(1)).isEqualTo("*");
        alice.send("JOIN :#two words");
        assertThat(alice.expect(Numeric.ERR_BADCHANNAME).param(1)).isEqualTo("*");
        alice.send("MODE #room :+ ");
        assertThat(alice.expect(Numeric.ERR_UNKNOWNMODE).param(1)).isEqualTo("*");
        alice.send("MODE #room +k ::colon");
        assertThat(alice.expect(Numeric.ERR_INVALIDMODEPARAM).params()).contains("*");
        assertAnswersPing(alice, "still-connected");
    }

    @Test
    void anErroneousNickIsAnswered432() {
        alice.send("NICK 9lives");
        assertThat(alice.expect(Numeric.ERR_ERRONEUSNICKNAME).param(1)).isEqualTo("9lives");
    }

    @Test
    void aNickTakenUnderRfc1459CaseMappingIsAnswered433() {
        server.user("Bob[");
        RawIrcClient other = server.connect();
        other.send("PASS chat@123");
        other.send("NICK bob{");
        assertThat(other.expect(Numeric.ERR_NICKNAMEINUSE).param(1)).isEqualTo("bob{");
    }

    @Test
    void aRoomNameWithoutHashIsAnswered403() {
        alice.send("JOIN general");
        assertThat(alice.expect(Numeric.ERR_NOSUCHCHANNEL).param(1)).isEqualTo("general");
    }

    @Test
    void aListOfRoomsJoinsTheGoodOnesAndRefusesTheBadOnes() {
        alice.send("JOIN #a,b");
        alice.expect(Lines.joinOf("alice", "#a"));
        assertThat(alice.expect(Numeric.ERR_NOSUCHCHANNEL).param(1)).isEqualTo("b");
    }

    @Test
    void roomNamesWithControlCharactersOrTooLongAreAnswered479() {
        alice.send("JOIN #bell\u0007room");
        assertThat(alice.expect(Numeric.ERR_BADCHANNAME).param(1)).isEqualTo("#bell\u0007room");
        String tooLong = "#" + "r".repeat(server.config().limits().roomNameLength());
        alice.send("JOIN " + tooLong);
        assertThat(alice.expect(Numeric.ERR_BADCHANNAME).param(1)).isEqualTo(tooLong);
    }

    @Test
    void privmsgWithoutTextIsAnswered412AndWithoutTargetIs411() {
        alice.send("PRIVMSG bob");
        alice.expect(Numeric.ERR_NOTEXTTOSEND);
        alice.send("PRIVMSG");
        alice.expect(Numeric.ERR_NORECIPIENT);
    }

    @Test
    void aRegisteredOnlyCommandBeforeRegistrationIsAnswered451() {
        RawIrcClient stranger = server.connect();
        stranger.send("JOIN #room");
        stranger.expect(Numeric.ERR_NOTREGISTERED);
        stranger.send("PRIVMSG #room :sneaky");
        stranger.expect(Numeric.ERR_NOTREGISTERED);
        assertNothingRelayedBeforeMarker(alice, bob);
    }

    @Test
    void twoHundredLinesOfRandomBytesNeverKillTheServer() {
        RawIrcClient fuzzer = server.user("fuzzer");
        fuzzer.join("#room");
        Random random = new Random(20240611L);
        for (int i = 0; i < 200; i++) {
            fuzzer.sendRaw(Fuzz.line(random));
        }
        fuzzer.sendRaw("\r\nPING :fuzz-end\r\n".getBytes(StandardCharsets.US_ASCII));
        IrcMessage last = fuzzer
                .withTimeout(Duration.ofSeconds(20))
                .collectUntil(Lines.anyOf(pong("fuzz-end"), Lines.command("ERROR")))
                .stream()
                .reduce((a, b) -> b)
                .orElseThrow();
        if (last.verb().equals("ERROR")) {
            assertThat(fuzzer.awaitClosed(RawIrcClient.DEFAULT_TIMEOUT))
                    .as("closed after ERROR")
                    .isTrue();
        }
        server.user("newcomer").join("#room");
        alice.send("PRIVMSG #room :still here");
        bob.expect(Lines.privmsgFrom("alice", "#room", "still here"));
    }

    private static void assertAnswersPing(RawIrcClient client, String token) {
        client.send("PING :" + token);
        client.expect(pong(token));
    }

    /** Sends a marker from {@code sender}; the room mate's next PRIVMSG from the sender must be it. */
    private static void assertNothingRelayedBeforeMarker(RawIrcClient sender, RawIrcClient mate) {
        sender.send("PRIVMSG #room :marker");
        List<IrcMessage> seen = mate.collectUntil(Lines.privmsgFrom("alice", "#room", "marker"));
        assertThat(seen).filteredOn(Lines.command("PRIVMSG")).hasSize(1);
    }

    private static Predicate<IrcMessage> pong(String token) {
        return Lines.described("PONG " + token, m -> m.verb().equals("PONG") && token.equals(m.lastParam()));
    }

    private static byte[] bytes(String head, byte[] middle, String tail) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(middle);
        out.writeBytes(tail.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
