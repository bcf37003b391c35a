package dev.parley.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.Numeric;
import dev.parley.testkit.Lines;
import dev.parley.testkit.RawIrcClient;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Rooms: joining and leaving, topics, NAMES and LIST, and every room mode with its effect. */
class RoomsIT {

    private TestServer server;
    private RawIrcClient alice;
    private RawIrcClient bob;

    @BeforeEach
    void aliceFoundsTheRoom() {
        server = TestServer.start(TestLimits.noFlood());
        alice = server.user("alice");
        bob = server.user("bob");
        alice.join("#room");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void joinCreatesTheRoomAndItsFirstMemberIsOperator() {
        RawIrcClient carol = server.user("carol");
        List<IrcMessage> lines = carol.join("#fresh");

        assertThat(lines).anyMatch(Lines.joinOf("carol", "#fresh"));
        assertThat(lines)
                .filteredOn(Lines.numeric(Numeric.RPL_NAMREPLY))
                .singleElement()
                .satisfies(m -> assertThat(m.lastParam()).isEqualTo("@carol"));
        bob.join("#fresh");
        carol.expect(Lines.joinOf("bob", "#fresh"));
        carol.send("NAMES #fresh");
        assertThat(carol.expect(Numeric.RPL_NAMREPLY).lastParam().split(" "))
                .containsExactlyInAnyOrder("@carol", "bob");
    }

    @Test
    void partWithAReasonIsSeenByTheRoomAndLeavesTheRoom() {
        bob.join("#room");
        bob.send("PART #room :see you");
        IrcMessage part = alice.expect(Lines.commandWithParams("PART", "#room", "see you"));
        assertThat(Lines.from("bob").test(part)).isTrue();
        bob.expect(Lines.commandWithParams("PART", "#room", "see you"));
        alice.send("NAMES #room");
        assertThat(alice.expect(Numeric.RPL_NAMREPLY).lastParam()).isEqualTo("@alice");
    }

    @Test
    void topicIsSetQueriedAndShownOnJoin() {
        alice.send("TOPIC #room");
        alice.expect(Numeric.RPL_NOTOPIC);
        alice.send("TOPIC #room :Rules: be kind");
        alice.expect(Lines.commandWithParams("TOPIC", "#room", "Rules: be kind"));

        List<IrcMessage> joined = bob.join("#room");

        assertThat(joined)
                .filteredOn(Lines.numeric(Numeric.RPL_TOPIC))
                .singleElement()
                .satisfies(m -> assertThat(m.lastParam()).isEqualTo("Rules: be kind"));
        assertThat(joined)
                .filteredOn(Lines.numeric(Numeric.RPL_TOPICWHOTIME))
                .singleElement()
                .satisfies(m -> assertThat(m.param(2)).startsWith("alice"));
        bob.send("TOPIC #room");
        assertThat(bob.expect(Numeric.RPL_TOPIC).lastParam()).isEqualTo("Rules: be kind");
    }

    @Test
    void topicLockLetsOnlyOperatorsChangeTheTopic() {
        bob.join("#room");
        setMode("-t");
        bob.send("TOPIC #room :bob was here");
        alice.expect(Lines.commandWithParams("TOPIC", "#room", "bob was here"));

        setMode("+t");
        bob.send("TOPIC #room :bob again");

        assertThat(bob.expect(Numeric.ERR_CHANOPRIVSNEEDED).param(1)).isEqualTo("#room");
        bob.send("TOPIC #room");
        assertThat(bob.expect(Numeric.RPL_TOPIC).lastParam()).isEqualTo("bob was here");
    }

    @Test
    void listShowsRoomsWithTheirSizeAndTopic() {
        alice.send("TOPIC #room :the room");
        alice.expectCommand("TOPIC"); // set before bob looks: two connections have no order between them
        bob.join("#room");
        bob.join("#other");

        bob.send("LIST");
        List<IrcMessage> lines = bob.collectUntil(Lines.numeric(Numeric.RPL_LISTEND));

        assertThat(lines).anyMatch(Lines.numeric(Numeric.RPL_LISTSTART));
        assertThat(lines)
                .filteredOn(Lines.numeric(Numeric.RPL_LIST))
                .extracting(m -> m.params().subList(1, 4))
                .containsExactlyInAnyOrder(List.of("#room", "2", "the room"), List.of("#other", "1", ""));
    }

    @Test
    void opAndVoiceAreGivenAndShownInNames() {
        bob.join("#room");
        setMode("+v", "bob");
        bob.expect(Lines.commandWithParams("MODE", "#room", "+v", "bob"));
        setMode("+o", "bob");
        bob.send("TOPIC #room :ops may");
        bob.send("NAMES #room");
        assertThat(bob.expect(Numeric.RPL_NAMREPLY).lastParam().split(" ")).containsExactlyInAnyOrder("@alice", "@bob");
    }

    @Test
    void aWrongKeyIsRefused475AndTheRightKeyLetsIn() {
        setMode("+k", "sesame");
        bob.send("JOIN #room wrong");
        assertThat(bob.expect(Numeric.ERR_BADCHANNELKEY).param(1)).isEqualTo("#room");
        bob.send("JOIN #room sesame");
        bob.expect(Lines.endOfNames("#room"));
    }

    @Test
    void aFullRoomIsRefused471() {
        setMode("+l", "1");
        bob.send("JOIN #room");
        assertThat(bob.expect(Numeric.ERR_CHANNELISFULL).param(1)).isEqualTo("#room");
    }

    @Test
    void inviteOnlyRefuses473UntilInvited() {
        setMode("+i");
        bob.send("JOIN #room");
        bob.expect(Numeric.ERR_INVITEONLYCHAN);

        alice.send("INVITE bob #room");

        IrcMessage inviting = alice.expect(Numeric.RPL_INVITING);
        assertThat(inviting.params().subList(1, 3)).containsExactly("bob", "#room");
        IrcMessage invite = bob.expect(Lines.commandWithParams("INVITE", "bob", "#room"));
        assertThat(Lines.from("alice").test(invite)).isTrue();
        bob.join("#room");
    }

    @Test
    void aBannedUserIsRefused474AndTheBanIsListed() {
        setMode("+b", "bob!*@*");
        bob.send("JOIN #room");
        assertThat(bob.expect(Numeric.ERR_BANNEDFROMCHAN).param(1)).isEqualTo("#room");

        alice.send("MODE #room +b");
        List<IrcMessage> list = alice.collectUntil(Lines.numeric(Numeric.RPL_ENDOFBANLIST));
        assertThat(list)
                .filteredOn(Lines.numeric(Numeric.RPL_BANLIST))
                .singleElement()
                .satisfies(m -> assertThat(m.params().subList(1, 4)).containsExactly("#room", "bob!*@*", "alice"));
    }

    @Test
    void aBanExceptionLetsAMatchingUserInDespiteTheBanAndIsListed() {
        setMode("+b", "b*!*@*");
        bob.send("JOIN #room");
        bob.expect(Numeric.ERR_BANNEDFROMCHAN);

        setMode("+e", "*ob!*@*");
        bob.join("#room");
        bob.send("PRIVMSG #room :excepted, so I may speak");
        alice.expect(Lines.privmsgFrom("bob", "#room", "excepted, so I may speak"));

        alice.send("MODE #room e");
        List<IrcMessage> list = alice.collectUntil(Lines.numeric(Numeric.RPL_ENDOFEXCEPTLIST));
        assertThat(list)
                .filteredOn(Lines.numeric(Numeric.RPL_EXCEPTLIST))
                .singleElement()
                .satisfies(m -> assertThat(m.params().subList(1, 3)).containsExactly("#room", "*ob!*@*"));
    }

    @Test
    void anInviteExceptionLetsAMatchingUserIntoAnInviteOnlyRoom() {
        setMode("+i");
        setMode("+I", "bob!*@*");
        bob.join("#room");

        alice.send("MODE #room +I");
        List<IrcMessage> list = alice.collectUntil(Lines.numeric(Numeric.RPL_ENDOFINVEXLIST));
        assertThat(list)
                .filteredOn(Lines.numeric(Numeric.RPL_INVEXLIST))
                .extracting(m -> m.param(2))
                .containsExactly("bob!*@*");
        setMode("-I", "BOB!*@*");
        alice.send("MODE #room I");
        assertThat(alice.collectUntil(Lines.numeric(Numeric.RPL_ENDOFINVEXLIST)))
                .noneMatch(Lines.numeric(Numeric.RPL_INVEXLIST));
    }

    @Test
    void anInvitationOverridesTheLimitAndIsListedUntilUsed() {
        setMode("+l", "1");
        alice.send("INVITE bob #room");
        alice.expect(Numeric.RPL_INVITING);

        bob.send("INVITE");
        List<IrcMessage> pending = bob.collectUntil(Lines.numeric(Numeric.RPL_ENDOFINVITELIST));
        assertThat(pending)
                .filteredOn(Lines.numeric(Numeric.RPL_INVITELIST))
                .extracting(m -> m.param(1))
                .containsExactly("#room");
        bob.join("#room");
        bob.send("INVITE");
        assertThat(bob.collectUntil(Lines.numeric(Numeric.RPL_ENDOFINVITELIST)))
                .noneMatch(Lines.numeric(Numeric.RPL_INVITELIST));
        bob.send("INVITE bob");
        bob.expect(Numeric.ERR_NEEDMOREPARAMS);
    }

    @Test
    void anAccountExtbanMatchesTheAccountNotTheNick() {
        setMode("+b", "a:carol");
        RawIrcClient guestCarol = server.user("carol");
        guestCarol.join("#room");
        guestCarol.send("QUIT");

        RawIrcClient dave = server.user("dave");
        dave.send("REGISTER * * :correct-horse-battery");
        dave.expectCommand("REGISTER");
        setMode("+b", "a:DAV*");
        dave.send("JOIN #room");
        assertThat(dave.expect(Numeric.ERR_BANNEDFROMCHAN).param(1)).isEqualTo("#room");
        setMode("+e", "a:dave");
        dave.join("#room");
    }

    @Test
    void aMuteExtbanLetsTheUserJoinButNotSpeakUntilVoicedOrExcepted() {
        setMode("+b", "m:bob!*@*");
        bob.join("#room");
        bob.send("PRIVMSG #room :muted?");
        assertThat(bob.expect(Numeric.ERR_CANNOTSENDTOCHAN).param(1)).isEqualTo("#room");

        setMode("+e", "m:bob!*@*");
        bob.send("PRIVMSG #room :excepted");
        alice.expect(Lines.privmsgFrom("bob", "#room", "excepted"));
        setMode("-e", "m:bob!*@*");
        setMode("+v", "bob");
        bob.send("PRIVMSG #room :voiced");
        alice.expect(Lines.privmsgFrom("bob", "#room", "voiced"));

        alice.send("MODE #room +b x:whatever");
        assertThat(alice.expect(Numeric.ERR_INVALIDMODEPARAM).params()).containsSequence("#room", "b", "x:whatever");
        alice.send("MODE #room b");
        List<IrcMessage> list = alice.collectUntil(Lines.numeric(Numeric.RPL_ENDOFBANLIST));
        assertThat(list)
                .filteredOn(Lines.numeric(Numeric.RPL_BANLIST))
                .extracting(m -> m.param(2))
                .containsExactly("m:bob!*@*");
    }

    @Test
    void moderatedRoomsRefuse404ToMembersWithoutVoice() {
        bob.join("#room");
        setMode("+m");
        bob.send("PRIVMSG #room :can I talk");
        assertThat(bob.expect(Numeric.ERR_CANNOTSENDTOCHAN).param(1)).isEqualTo("#room");

        setMode("+v", "bob");
        bob.send("PRIVMSG #room :now I can");
        alice.expect(Lines.privmsgFrom("bob", "#room", "now I can"));
    }

    @Test
    void noExternalMessagesRefuses404ToOutsiders() {
        setMode("-n");
        bob.send("PRIVMSG #room :from outside");
        alice.expect(Lines.privmsgFrom("bob", "#room", "from outside"));
        setMode("+n");
        bob.send("PRIVMSG #room :from outside again");
        assertThat(bob.expect(Numeric.ERR_CANNOTSENDTOCHAN).param(1)).isEqualTo("#room");
    }

    @Test
    void secretRoomsAreHiddenFromOutsidersInList() {
        setMode("+s");
        bob.send("LIST");
        assertThat(bob.collectUntil(Lines.numeric(Numeric.RPL_LISTEND))).noneMatch(Lines.numeric(Numeric.RPL_LIST));
        alice.send("LIST");
        assertThat(alice.collectUntil(Lines.numeric(Numeric.RPL_LISTEND))).anyMatch(Lines.numeric(Numeric.RPL_LIST));
    }

    @Test
    void modeQueryShowsTheModesAndTheCreationTime() {
        setMode("+tk", "sesame");
        alice.send("MODE #room");
        IrcMessage modes = alice.expect(Numeric.RPL_CHANNELMODEIS);
        assertThat(modes.param(2)).contains("t").contains("k");
        assertThat(modes.params()).contains("sesame");
        assertThat(alice.expect(Numeric.RPL_CREATIONTIME).param(2)).matches("\\d+");
    }

    @Test
    void onlyOperatorsChangeModesAndUnknownModesAre472() {
        bob.join("#room");
        bob.send("MODE #room +m");
        bob.expect(Numeric.ERR_CHANOPRIVSNEEDED);
        alice.send("MODE #room +Z");
        assertThat(alice.expect(Numeric.ERR_UNKNOWNMODE).param(1)).isEqualTo("Z");
    }

    private void setMode(String modes, String... args) {
        String line = "MODE #room " + modes + (args.length == 0 ? "" : " " + String.join(" ", args));
        alice.send(line);
        alice.expect(Lines.commandWithParams("MODE", "#room"));
    }
}
