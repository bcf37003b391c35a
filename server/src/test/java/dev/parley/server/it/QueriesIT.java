package dev.parley.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.Numeric;
import dev.parley.testkit.Lines;
import dev.parley.testkit.RawIrcClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Users and the server: user modes, NICK, AWAY, WHO, WHOIS, server queries, private messages, QUIT. */
class QueriesIT {

    private TestServer server;
    private RawIrcClient alice;
    private RawIrcClient bob;

    @BeforeEach
    void twoUsersShareARoom() {
        server = TestServer.start(TestLimits.noFlood());
        alice = server.user("alice");
        bob = server.user("bob");
        alice.join("#room");
        bob.join("#room");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aUserSetsAndQueriesTheirOwnModesButNotAnothersUser() {
        alice.send("MODE alice +i");
        alice.expect(Lines.commandWithParams("MODE", "alice", "+i"));
        alice.send("MODE alice");
        assertThat(alice.expect(Numeric.RPL_UMODEIS).param(1)).isEqualTo("+i");
        alice.send("MODE bob +i");
        alice.expect(Numeric.ERR_USERSDONTMATCH);
    }

    @Test
    void aNickChangeIsSeenByRoomMatesAndMessagesToTheNewNickCarryIt() {
        // Repeated: a room mate that answers the NICK at once must already find the new nick in
        // force (a message to it addressed to the new nick, not the old one).
        String current = "alice";
        for (int round = 0; round < 20; round++) {
            String next = round % 2 == 0 ? "alicia" : "alice";
            alice.send("NICK " + next);
            IrcMessage change = bob.expect(Lines.commandWithParams("NICK", next));
            assertThat(Lines.from(current).test(change)).isTrue();
            bob.send("PRIVMSG " + next + " :found you " + round);
            alice.expect(Lines.privmsgFrom("bob", next, "found you " + round));
            current = next;
        }
    }

    @Test
    void messagingAnAwayUserAnswers301() {
        bob.send("AWAY :gone fishing");
        bob.expect(Numeric.RPL_NOWAWAY);
        alice.send("PRIVMSG bob :are you there");
        IrcMessage away = alice.expect(Numeric.RPL_AWAY);
        assertThat(away.params().subList(1, 3)).containsExactly("bob", "gone fishing");
        bob.expect(Lines.privmsgFrom("alice", "bob", "are you there"));
    }

    @Test
    void whoListsARoomsMembersAndASingleNick() {
        alice.send("WHO #room");
        List<IrcMessage> room = alice.collectUntil(Lines.numeric(Numeric.RPL_ENDOFWHO));
        assertThat(room)
                .filteredOn(Lines.numeric(Numeric.RPL_WHOREPLY))
                .extracting(m -> m.param(5))
                .containsExactlyInAnyOrder("alice", "bob");
        assertThat(room)
                .filteredOn(Lines.numeric(Numeric.RPL_WHOREPLY))
                .filteredOn(m -> m.param(5).equals("alice"))
                .singleElement()
                .satisfies(m -> assertThat(m.param(6)).isEqualTo("H@"));

        alice.send("WHO bob");
        List<IrcMessage> one = alice.collectUntil(Lines.numeric(Numeric.RPL_ENDOFWHO));
        assertThat(one)
                .filteredOn(Lines.numeric(Numeric.RPL_WHOREPLY))
                .singleElement()
                .satisfies(m -> assertThat(m.params().subList(2, 4)).containsExactly("bob", "127.0.0.1"));
    }

    @Test
    void whoisDescribesAUserAndAnswers401ForAnUnknownNick() {
        alice.send("WHOIS bob");
        List<IrcMessage> lines = alice.collectUntil(Lines.numeric(Numeric.RPL_ENDOFWHOIS));

        assertThat(lines)
                .filteredOn(Lines.numeric(Numeric.RPL_WHOISUSER))
                .singleElement()
                .satisfies(m -> assertThat(m.params().subList(1, 4)).containsExactly("bob", "bob", "127.0.0.1"));
        assertThat(lines)
                .filteredOn(Lines.numeric(Numeric.RPL_WHOISCHANNELS))
                .singleElement()
                .satisfies(m -> assertThat(m.lastParam()).isEqualTo("#room"));
        assertThat(lines)
                .anyMatch(Lines.numeric(Numeric.RPL_WHOISSERVER))
                .anyMatch(Lines.numeric(Numeric.RPL_WHOISIDLE));

        alice.send("WHOIS nobody");
        assertThat(alice.expect(Numeric.ERR_NOSUCHNICK).param(1)).isEqualTo("nobody");
        alice.expect(Numeric.RPL_ENDOFWHOIS);
    }

    @Test
    void motdIsSentBetweenItsStartAndEnd() {
        alice.send("MOTD");
        List<IrcMessage> lines = alice.collectUntil(Lines.numeric(Numeric.RPL_ENDOFMOTD));
        assertThat(lines).extracting(IrcMessage::command).containsSubsequence("375", "372", "372", "376");
        assertThat(lines)
                .filteredOn(Lines.numeric(Numeric.RPL_MOTD))
                .extracting(IrcMessage::lastParam)
                .containsExactly("- Welcome to Parley.", "- Join a room with /join #general.");
    }

    @Test
    void lusersCountsUsersAndRooms() {
        alice.send("LUSERS");
        List<IrcMessage> lines = alice.collectUntil(Lines.numeric(Numeric.RPL_LUSERME));
        assertThat(lines).extracting(IrcMessage::command).containsSubsequence("251", "252", "253", "254", "255");
        assertThat(lines)
                .filteredOn(Lines.numeric(Numeric.RPL_LUSERCHANNELS))
                .singleElement()
                .satisfies(m -> assertThat(m.param(1)).isEqualTo("1"));
        assertThat(lines.get(lines.size() - 1).lastParam()).isEqualTo("I have 2 clients and 0 servers");
    }

    @Test
    void lusersFollowsInvisibilityOperatorsAndDepartures() {
        RawIrcClient admin = server.admin();
        admin.send("MODE admin +i");
        admin.expect(Lines.commandWithParams("MODE", "admin", "+i"));
        alice.send("MODE alice +i");
        alice.expect(Lines.commandWithParams("MODE", "alice", "+i"));
        assertThat(lusers()).containsExactly("There are 1 users and 2 invisible on 1 servers", "1", "3");

        alice.send("MODE alice -i");
        alice.expect(Lines.commandWithParams("MODE", "alice", "-i"));
        admin.send("MODE admin -o");
        admin.expect(Lines.commandWithParams("MODE", "admin", "-o"));
        assertThat(lusers()).containsExactly("There are 2 users and 1 invisible on 1 servers", "0", "3");

        admin.send("QUIT");
        admin.awaitClosed(Duration.ofSeconds(5));
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(lusers())
                        .containsExactly("There are 2 users and 0 invisible on 1 servers", "0", "2"));
    }

    /** 251's text, 252's operator count and 255's client count. */
    private List<String> lusers() {
        alice.send("LUSERS");
        List<IrcMessage> lines = alice.collectUntil(Lines.numeric(Numeric.RPL_LUSERME));
        String operators = lines.stream()
                .filter(Lines.numeric(Numeric.RPL_LUSEROP))
                .findFirst()
                .orElseThrow()
                .param(1);
        String clients = lines.get(lines.size() - 1).lastParam().split(" ")[2];
        return List.of(
                lines.stream()
                        .filter(Lines.numeric(Numeric.RPL_LUSERCLIENT))
                        .findFirst()
                        .orElseThrow()
                        .lastParam(),
                operators,
                clients);
    }

    @Test
    void versionAnswers351AndTheIsupportTokens() {
        alice.send("VERSION");
        IrcMessage version = alice.expect(Numeric.RPL_VERSION);
        assertThat(version.param(2)).isEqualTo(server.config().server().name());
        alice.expect(Numeric.RPL_ISUPPORT);
    }

    @Test
    void timeAnswers391() {
        alice.send("TIME");
        assertThat(alice.expect(Numeric.RPL_TIME).param(1))
                .isEqualTo(server.config().server().name());
    }

    @Test
    void isupportAdvertisesTheServersRules() {
        RawIrcClient carol = server.connect();
        List<String> tokens = carol.register("carol", "chat@123").stream()
                .filter(Lines.numeric(Numeric.RPL_ISUPPORT))
                .flatMap(m -> m.params().subList(1, m.params().size() - 1).stream())
                .toList();

        assertThat(tokens)
                .contains(
                        "CASEMAPPING=rfc1459",
                        "CHANTYPES=#",
                        "PREFIX=(ov)@+",
                        "NETWORK=Parley",
                        "NICKLEN=" + server.config().limits().nickLength(),
                        "CHANMODES=beI,k,l,imnst");
    }

    @Test
    void quitIsBroadcastToRoomMatesWithTheReason() {
        alice.send("QUIT :bye now");
        assertThat(alice.awaitClosed(RawIrcClient.DEFAULT_TIMEOUT)).isTrue();
        IrcMessage quit = bob.expect(Lines.command("QUIT"));
        assertThat(Lines.from("alice").test(quit)).isTrue();
        assertThat(quit.lastParam()).isEqualTo("Quit: bye now");
    }

    @Test
    void twoUsersExchangePrivateMessages() {
        RawIrcClient carol = server.user("carol");
        alice.send("PRIVMSG carol :psst");
        carol.expect(Lines.privmsgFrom("alice", "carol", "psst"));
        carol.send("PRIVMSG alice :what");
        alice.expect(Lines.privmsgFrom("carol", "alice", "what"));
        alice.send("PRIVMSG #room :marker");
        assertThat(bob.collectUntil(Lines.privmsgFrom("alice", "#room", "marker")))
                .noneMatch(m -> m.lastParam().equals("psst") || m.lastParam().equals("what"));
    }

    @Test
    void aPrivmsgToAnUnknownNickAnswers401() {
        alice.send("PRIVMSG ghost :hello?");
        assertThat(alice.expect(Numeric.ERR_NOSUCHNICK).param(1)).isEqualTo("ghost");
    }
}
