package dev.parley.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.Numeric;
import dev.parley.server.config.ModerationConfig;
import dev.parley.testkit.Lines;
import dev.parley.testkit.RawIrcClient;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Rooms created by an account belong to it: topic, modes, lists, founder and operators survive a
 * restart, and whoever comes back first does not take the room. Server operators stay above room
 * operators.
 */
class RoomOwnershipIT {

    private static final String PASSWORD = "correct-horse-battery";

    @Test
    void aFoundersRoomKeepsItsTopicModesAndListsAcrossARestart() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient alice = registeredAccount(server, "alice");
            alice.join("#lounge");
            alice.send("TOPIC #lounge :Tea at five");
            alice.expectCommand("TOPIC");
            alice.send("MODE #lounge +ml-t 50");
            alice.expect(Lines.commandWithParams("MODE", "#lounge"));
            alice.send("MODE #lounge +beI spam!*@* friend!*@* guest!*@*");
            alice.expect(Lines.commandWithParams("MODE", "#lounge"));

            server.restart();
            RawIrcClient back = loggedIn(server, "alice");
            List<IrcMessage> burst = back.join("#lounge");

            assertThat(burst)
                    .filteredOn(Lines.numeric(Numeric.RPL_TOPIC))
                    .singleElement()
                    .extracting(IrcMessage::lastParam)
                    .isEqualTo("Tea at five");
            assertThat(nicksIn(burst)).containsExactly("@alice");
            back.send("MODE #lounge");
            assertThat(back.expect(Numeric.RPL_CHANNELMODEIS).params())
                    .containsExactly("alice", "#lounge", "+lmn", "50");
            assertThat(listOf(back, "b", Numeric.RPL_BANLIST, Numeric.RPL_ENDOFBANLIST))
                    .containsExactly("spam!*@*");
            assertThat(listOf(back, "e", Numeric.RPL_EXCEPTLIST, Numeric.RPL_ENDOFEXCEPTLIST))
                    .containsExactly("friend!*@*");
            assertThat(listOf(back, "I", Numeric.RPL_INVEXLIST, Numeric.RPL_ENDOFINVEXLIST))
                    .containsExactly("guest!*@*");
        }
    }

    @Test
    void aGuestWhoComesBackFirstGetsNoOpsInTheFoundersRoom() {
        try (TestServer server = TestServer.start()) {
            registeredAccount(server, "alice").join("#lounge");

            server.restart();
            RawIrcClient mallory = server.user("mallory");
            List<IrcMessage> burst = mallory.join("#lounge");
            mallory.send("MODE #lounge +o mallory");
            IrcMessage refused = mallory.expect(Numeric.ERR_CHANOPRIVSNEEDED);
            RawIrcClient alice = loggedIn(server, "alice");
            List<IrcMessage> aliceBurst = alice.join("#lounge");

            assertThat(nicksIn(burst)).containsExactly("mallory");
            assertThat(refused.param(1)).isEqualTo("#lounge");
            assertThat(nicksIn(aliceBurst)).containsExactlyInAnyOrder("mallory", "@alice");
        }
    }

    @Test
    void aGuestWhoCreatesARoomOwnsItOnlyForTheSession() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient guest = server.user("guest");
            assertThat(nicksIn(guest.join("#pop-up"))).containsExactly("@guest");
            guest.send("TOPIC #pop-up :Gone tomorrow");
            guest.expectCommand("TOPIC");

            server.restart();
            RawIrcClient other = server.user("other");
            List<IrcMessage> burst = other.join("#pop-up");

            assertThat(burst).noneMatch(Lines.numeric(Numeric.RPL_TOPIC));
            assertThat(nicksIn(burst)).containsExactly("@other");
        }
    }

    @Test
    void accountsGivenOpsInAFoundersRoomGetThemBackAfterARestart() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient alice = registeredAccount(server, "alice");
            alice.join("#lounge");
            RawIrcClient bob = registeredAccount(server, "bob");
            bob.join("#lounge");
            alice.send("MODE #lounge +o bob");
            bob.expect(Lines.commandWithParams("MODE", "#lounge", "+o", "bob"));

            server.restart();
            RawIrcClient bobBack = loggedIn(server, "bob");

            assertThat(nicksIn(bobBack.join("#lounge"))).containsExactly("@bob");
        }
    }

    @Test
    void aRoomOperatorCannotKickOrDeopTheAdmin() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient alice = server.user("alice");
            alice.join("#general");
            RawIrcClient admin = server.admin();
            admin.join("#general");
            admin.send("MODE #general +o admin");
            alice.expect(Lines.commandWithParams("MODE", "#general", "+o", "admin"));

            alice.send("KICK #general admin :bye");
            IrcMessage noKick = alice.expect(Numeric.ERR_CHANOPRIVSNEEDED);
            alice.send("MODE #general -o admin");
            IrcMessage noDeop = alice.expect(Numeric.ERR_CHANOPRIVSNEEDED);

            assertThat(noKick.param(1)).isEqualTo("#general");
            assertThat(noDeop.param(1)).isEqualTo("#general");
            admin.send("NAMES #general");
            assertThat(nicksIn(admin.collectUntil(Lines.endOfNames("#general"))))
                    .contains("@admin");
            assertThat(Received.commands(admin)).doesNotContain("KICK");
        }
    }

    @Test
    void theAdminModeratesAFoundersRoomWithoutBeingInIt() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient alice = registeredAccount(server, "alice");
            alice.join("#lounge");
            RawIrcClient admin = server.admin();

            admin.send("TOPIC #lounge :Moderated");
            alice.expect(Lines.commandWithParams("TOPIC", "#lounge", "Moderated"));
            admin.send("MODE #lounge +m");
            alice.expect(Lines.commandWithParams("MODE", "#lounge", "+m"));
            admin.send("KICK #lounge alice :enough");

            alice.expect(Lines.commandWithParams("KICK", "#lounge", "alice"));
        }
    }

    @Test
    void aRoomOperatorCannotKickOrDeopTheFounder() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient alice = registeredAccount(server, "alice");
            alice.join("#lounge");
            RawIrcClient bob = registeredAccount(server, "bob");
            bob.join("#lounge");
            alice.send("MODE #lounge +o bob");
            bob.expect(Lines.commandWithParams("MODE", "#lounge", "+o", "bob"));

            bob.send("KICK #lounge alice :mine now");
            IrcMessage noKick = bob.expect(Numeric.ERR_CHANOPRIVSNEEDED);
            bob.send("MODE #lounge -o alice");
            IrcMessage noDeop = bob.expect(Numeric.ERR_CHANOPRIVSNEEDED);
            alice.send("KICK #lounge bob :no");

            assertThat(noKick.lastParam()).contains("founder");
            assertThat(noDeop.lastParam()).contains("founder");
            bob.expect(Lines.commandWithParams("KICK", "#lounge", "bob"));
        }
    }

    @Test
    void roomsPastAnAccountsLimitAreNotRegistered() {
        try (TestServer server = TestServer.start(c -> c.withModeration(new ModerationConfig(true, 1)))) {
            RawIrcClient alice = registeredAccount(server, "alice");
            alice.join("#first");
            alice.join("#second");

            server.restart();
            RawIrcClient guest = server.user("guest");

            assertThat(nicksIn(guest.join("#first"))).containsExactly("guest");
            assertThat(nicksIn(guest.join("#second"))).containsExactly("@guest");
        }
    }

    private static List<String> listOf(RawIrcClient client, String letter, Numeric entry, Numeric end) {
        client.send("MODE #lounge " + letter);
        return client.collectUntil(Lines.numeric(end)).stream()
                .filter(Lines.numeric(entry))
                .map(m -> m.param(2))
                .toList();
    }

    private static List<String> nicksIn(List<IrcMessage> lines) {
        return lines.stream()
                .filter(Lines.numeric(Numeric.RPL_NAMREPLY))
                .flatMap(m -> Arrays.stream(m.lastParam().split(" ")))
                .toList();
    }

    /** A new user who registers an account after connecting, and so is logged in to it. */
    private static RawIrcClient registeredAccount(TestServer server, String nick) {
        RawIrcClient client = server.user(nick);
        client.send("REGISTER * * :" + PASSWORD);
        assertThat(client.expectCommand("REGISTER").params()).startsWith("SUCCESS", nick);
        return client;
    }

    /** Connects logged in to the account named after the nick (its password given with PASS). */
    private static RawIrcClient loggedIn(TestServer server, String nick) {
        RawIrcClient client = server.connect();
        assertThat(client.register(nick, PASSWORD)).anyMatch(Lines.numeric(Numeric.RPL_LOGGEDIN));
        return client;
    }
}
