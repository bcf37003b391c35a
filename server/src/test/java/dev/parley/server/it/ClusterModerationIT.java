package dev.parley.server.it;

import static dev.parley.server.it.ClusterServices.sentWithout;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.Numeric;
import dev.parley.server.admin.ConsoleClient;
import dev.parley.testkit.Lines;
import dev.parley.testkit.RawIrcClient;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * An operator on one node acts on users on another at once: a server ban set on node A disconnects
 * a matching user on node B and is refused on every node; KILL on A of a user on B disconnects them
 * with the usual ERROR (and QUIT to those sharing a room); KICK on A of a member on B takes them out
 * and every member, on either node, sees the KICK. Nodes in-process on MariaDB and the local Redis.
 */
class ClusterModerationIT {

    private static final Duration LEASE = Duration.ofSeconds(3);
    private static final Duration AT_ONCE = Duration.ofSeconds(5);

    @Test
    void aBanOnOneNodeDisconnectsTheUserOnAnotherAndIsRefusedOnEveryNode() throws Exception {
        try (ClusterServices services = ClusterServices.open(ClusterServices.Vendor.MARIADB);
                TestServer a = services.node("a", LEASE);
                TestServer b = services.node("b", LEASE)) {
            RawIrcClient admin = a.admin();
            RawIrcClient bob = b.user("bob");

            admin.send("BAN bob :spamming links");

            assertThat(bob.expect(Numeric.ERR_YOUREBANNEDCREEP).lastParam()).contains("spamming links");
            bob.expectCommand("ERROR");
            assertThat(bob.awaitClosed(AT_ONCE)).isTrue();
            for (TestServer node : new TestServer[] {a, b}) {
                // 433 until node A hears that bob's nick is free again
                await().atMost(AT_ONCE).until(() -> answer(node, "bob") == Numeric.ERR_YOUREBANNEDCREEP);
            }
        }
    }

    @Test
    void anUnbanOnOneNodeLetsTheUserBackOnAnother() throws Exception {
        try (ClusterServices services = ClusterServices.open(ClusterServices.Vendor.MARIADB);
                TestServer a = services.node("a", LEASE);
                TestServer b = services.node("b", LEASE)) {
            RawIrcClient admin = a.admin();
            admin.send("BAN bob :spamming links");
            await().atMost(AT_ONCE).until(() -> answer(b, "bob") == Numeric.ERR_YOUREBANNEDCREEP);

            admin.send("UNBAN bob");

            await().atMost(AT_ONCE).until(() -> answer(b, "bob") == Numeric.RPL_WELCOME);
        }
    }

    @Test
    void aKillOnOneNodeDisconnectsTheUserOnAnother() throws Exception {
        try (ClusterServices services = ClusterServices.open(ClusterServices.Vendor.MARIADB);
                TestServer a = services.node("a", LEASE);
                TestServer b = services.node("b", LEASE)) {
            RawIrcClient admin = a.admin();
            RawIrcClient carol = b.user("carol");
            RawIrcClient dave = b.user("dave");
            carol.join("#room");
            dave.join("#room");

            await().atMost(AT_ONCE).until(() -> sentWithout(admin, "KILL carol :flooding", Numeric.ERR_NOSUCHNICK));

            IrcMessage error = carol.expectCommand("ERROR");
            assertThat(error.lastParam()).contains("Killed (admin (flooding))");
            assertThat(carol.awaitClosed(AT_ONCE)).isTrue();
            IrcMessage quit = dave.expect(Lines.command("QUIT"));
            assertThat(quit.source()).startsWith("carol!");
            admin.send("KILL nobody :gone");
            admin.expect(Numeric.ERR_NOSUCHNICK);
        }
    }

    @Test
    void aKickOnOneNodeTakesAMemberOnAnotherOutAndEveryMemberSeesIt() throws Exception {
        try (ClusterServices services = ClusterServices.open(ClusterServices.Vendor.MARIADB);
                TestServer a = services.node("a", LEASE);
                TestServer b = services.node("b", LEASE)) {
            RawIrcClient alice = a.user("alice"); // first in the room on A: its operator there
            alice.join("#room");
            RawIrcClient bob = b.user("bob");
            RawIrcClient erin = b.user("erin");
            bob.join("#room");
            erin.join("#room");
            await().atMost(AT_ONCE).until(() -> services.nodesListeningTo("#room") == 2);

            await().atMost(AT_ONCE)
                    .until(() -> sentWithout(alice, "KICK #room bob :off topic", Numeric.ERR_USERNOTINCHANNEL));

            Predicate<IrcMessage> kick = Lines.commandWithParams("KICK", "#room", "bob");
            for (RawIrcClient witness : new RawIrcClient[] {bob, erin, alice}) {
                IrcMessage seen = witness.expect(kick);
                assertThat(seen.source()).startsWith("alice!");
                assertThat(seen.lastParam()).isEqualTo("off topic");
            }
            erin.send("PRIVMSG #room :still here");
            alice.expect(Lines.privmsgFrom("erin", "#room", "still here"));
            bob.assertNothingMatching(Lines.privmsgFrom("erin", "#room", "still here"), Duration.ofMillis(300));
        }
    }

    @Test
    void aRoomOperatorOnOneNodeCannotHaveAServerOperatorOnAnotherKicked() throws Exception {
        try (ClusterServices services = ClusterServices.open(ClusterServices.Vendor.MARIADB);
                TestServer a = services.node("a", LEASE);
                TestServer b = services.node("b", LEASE)) {
            RawIrcClient alice = a.user("alice"); // a room operator on A, not a server operator
            alice.join("#room");
            RawIrcClient admin = b.admin();
            admin.join("#room");
            await().atMost(AT_ONCE).until(() -> services.nodesListeningTo("#room") == 2);

            await().atMost(AT_ONCE)
                    .until(() -> sentWithout(alice, "KICK #room admin :try", Numeric.ERR_USERNOTINCHANNEL));

            admin.assertNothingMatching(Lines.commandWithParams("KICK", "#room", "admin"), Duration.ofMillis(500));
            admin.send("PRIVMSG #room :still in");
            alice.expect(Lines.privmsgFrom("admin", "#room", "still in"));
        }
    }

    @Test
    void aKickFromTheAdminConsoleOnOneNodeIsSeenByMembersOnAnother() throws Exception {
        try (ClusterServices services = ClusterServices.open(ClusterServices.Vendor.MARIADB);
                TestServer a = services.node("a", LEASE);
                TestServer b = services.node("b", LEASE)) {
            RawIrcClient bob = a.user("bob");
            bob.join("#room");
            RawIrcClient carol = b.user("carol");
            carol.join("#room");
            await().atMost(AT_ONCE).until(() -> services.nodesListeningTo("#room") == 2);
            ConsoleClient console = new ConsoleClient(a.server().httpAddresses().get(0));
            assertThat(console.logIn("admin", "admin123").statusCode()).isEqualTo(200);

            assertThat(console.post("/admin/api/users/bob/kick", "room", "#room", "reason", "calm")
                            .statusCode())
                    .isEqualTo(200);

            IrcMessage kick = carol.expect(Lines.commandWithParams("KICK", "#room", "bob"));
            assertThat(kick.lastParam()).isEqualTo("calm");
        }
    }

    @Test
    void aKickOfAUserOfAnotherNodeWhoIsNotInTheRoomAnswers441() throws Exception {
        try (ClusterServices services = ClusterServices.open(ClusterServices.Vendor.MARIADB);
                TestServer a = services.node("a", LEASE);
                TestServer b = services.node("b", LEASE)) {
            RawIrcClient alice = a.user("alice");
            alice.join("#room");
            b.user("dave").join("#elsewhere");

            await().atMost(AT_ONCE).until(() -> sentWithout(alice, "KICK #room dave :out", Numeric.ERR_NOSUCHNICK));
            alice.send("KICK #room dave :out");
            assertThat(alice.expect(Numeric.ERR_USERNOTINCHANNEL).params()).contains("dave", "#room");
        }
    }

    @Test
    void anAccountRegisteredOnOneNodeProtectsItsNickOnAnotherAtOnce() throws Exception {
        try (ClusterServices services = ClusterServices.open(ClusterServices.Vendor.MARIADB);
                TestServer a = services.node("a", LEASE);
                TestServer b = services.node("b", LEASE)) {
            RawIrcClient bob = b.user("bob");
            RawIrcClient alice = a.user("alice");
            ClusterServices.registerAccount(alice, "wonderland7");
            alice.send("QUIT");
            alice.awaitClosed(AT_ONCE);

            // B reloads account names every 30 s; the news must protect the nick well before that
            await().atMost(AT_ONCE).until(() -> {
                bob.send("NICK alice");
                bob.send("PING :probe");
                List<IrcMessage> answer = bob.collectUntil(Lines.command("PONG"));
                assertThat(answer).as("bob never takes the registered nick").noneMatch(Lines.command("NICK"));
                return answer.stream()
                        .anyMatch(m -> Lines.numeric(Numeric.ERR_NICKNAMEINUSE).test(m)
                                && m.lastParam().contains("registered to another account"));
            });
        }
    }

    /** A connection registering as {@code nick} with the right server password. */
    private static RawIrcClient registering(TestServer node, String nick) {
        RawIrcClient client = node.connect();
        client.send("PASS chat@123");
        client.send("NICK " + nick);
        client.send("USER " + nick + " 0 * :" + nick);
        return client;
    }

    /** How {@code node} answers a registration as {@code nick}: 465 banned, 433 nick held, or 001 welcome. */
    private static Numeric answer(TestServer node, String nick) {
        RawIrcClient client = registering(node, nick);
        Numeric[] answers = {Numeric.ERR_YOUREBANNEDCREEP, Numeric.ERR_NICKNAMEINUSE, Numeric.RPL_WELCOME};
        IrcMessage answer = client.expect(
                Lines.anyOf(Lines.numeric(answers[0]), Lines.numeric(answers[1]), Lines.numeric(answers[2])));
        client.close();
        for (Numeric numeric : answers) {
            if (Lines.numeric(numeric).test(answer)) {
                return numeric;
            }
        }
        throw new AssertionError("unexpected " + answer);
    }
}
