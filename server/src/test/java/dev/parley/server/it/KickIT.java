package dev.parley.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.Numeric;
import dev.parley.testkit.Lines;
import dev.parley.testkit.RawIrcClient;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** KICK: server operators anywhere, room operators in their room, nobody else. */
class KickIT {

    @Test
    void theAdminKicksFromARoomItIsNotIn() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient alice = server.user("alice");
            RawIrcClient bob = server.user("bob");
            alice.join("#lounge");
            bob.join("#lounge");
            RawIrcClient admin = server.admin();

            admin.send("KICK #lounge bob :spamming");

            alice.expect(kick("admin", "#lounge", "bob", "spamming"));
            bob.expect(kick("admin", "#lounge", "bob", "spamming"));
            assertThat(namesOf(alice, "#lounge")).containsExactly("@alice");
            assertThat(namesOf(admin, "#lounge"))
                    .as("the admin, not a member, is not added")
                    .containsExactly("@alice");
        }
    }

    @Test
    void aRoomOperatorKicksInTheirRoomAndEveryMemberSeesTheReason() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient alice = server.user("alice");
            RawIrcClient bob = server.user("bob");
            RawIrcClient carol = server.user("carol");
            alice.join("#dev");
            bob.join("#dev");
            carol.join("#dev");

            alice.send("KICK #dev bob :off topic");

            for (RawIrcClient member : List.of(alice, bob, carol)) {
                member.expect(kick("alice", "#dev", "bob", "off topic"));
            }
            assertThat(namesOf(carol, "#dev")).containsExactlyInAnyOrder("@alice", "carol");
            bob.send("PRIVMSG #dev :am I still here?");
            bob.expect(Lines.errorNumericFor("#dev"));
        }
    }

    @Test
    void anOrdinaryMemberCannotKickAndGets482() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient alice = server.user("alice");
            RawIrcClient bob = server.user("bob");
            RawIrcClient carol = server.user("carol");
            alice.join("#dev");
            bob.join("#dev");
            carol.join("#dev");

            bob.send("KICK #dev carol :bye");

            assertThat(bob.expect(Numeric.ERR_CHANOPRIVSNEEDED).param(1)).isEqualTo("#dev");
            assertThat(namesOf(alice, "#dev")).contains("carol");
        }
    }

    @Test
    void anOrdinaryUserOutsideTheRoomCannotKick() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient alice = server.user("alice");
            RawIrcClient mallory = server.user("mallory");
            alice.join("#dev");

            mallory.send("KICK #dev alice");

            mallory.expect(
                    Lines.anyOf(Lines.numeric(Numeric.ERR_NOTONCHANNEL), Lines.numeric(Numeric.ERR_CHANOPRIVSNEEDED)));
            assertThat(namesOf(alice, "#dev")).containsExactly("@alice");
        }
    }

    @Test
    void kickingSomeoneWhoIsNotInTheRoomGets441() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient alice = server.user("alice");
            server.user("dave");
            alice.join("#dev");

            alice.send("KICK #dev dave");

            IrcMessage reply = alice.expect(Numeric.ERR_USERNOTINCHANNEL);
            assertThat(reply.params()).containsSubsequence("dave", "#dev");
        }
    }

    @Test
    void kickingInAnUnknownRoomGets403() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient admin = server.admin();
            server.user("bob");

            admin.send("KICK #nowhere bob");

            assertThat(admin.expect(Numeric.ERR_NOSUCHCHANNEL).param(1)).isEqualTo("#nowhere");
        }
    }

    private static Predicate<IrcMessage> kick(String by, String room, String victim, String reason) {
        Predicate<IrcMessage> fromKicker = Lines.from(by);
        Predicate<IrcMessage> params = Lines.commandWithParams("KICK", room, victim, reason);
        return Lines.described(
                by + " kicking " + victim + " from " + room + " (" + reason + ")",
                m -> fromKicker.test(m) && params.test(m));
    }

    /** The nicks (with prefixes) NAMES reports for {@code room}, asked now. */
    private static List<String> namesOf(RawIrcClient client, String room) {
        client.send("NAMES " + room);
        return client.collectUntil(Lines.endOfNames(room)).stream()
                .filter(Lines.numeric(Numeric.RPL_NAMREPLY))
                .flatMap(line -> List.of(line.lastParam().trim().split(" +")).stream())
                .filter(name -> !name.isEmpty())
                .toList();
    }
}
