package dev.parley.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.Numeric;
import dev.parley.testkit.Lines;
import dev.parley.testkit.RawIrcClient;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** BAN, UNBAN and BANS: the seed's /ban as a server ban by nick or mask, refused at registration with 465. */
class BanIT {

    private static final Duration CLOSE_WITHIN = Duration.ofSeconds(5);

    @Test
    void aBanDisconnectsTheUserAtOnceAndTheRoomSeesThemGo() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient alice = server.user("alice");
            RawIrcClient bob = server.user("bob");
            alice.join("#general");
            bob.join("#general");
            RawIrcClient admin = server.admin();

            admin.send("BAN bob :spamming links");

            IrcMessage banned = bob.expect(Numeric.ERR_YOUREBANNEDCREEP);
            assertThat(banned.lastParam()).contains("spamming links");
            bob.expectCommand("ERROR");
            assertThat(bob.awaitClosed(CLOSE_WITHIN))
                    .as("the banned user's connection is closed")
                    .isTrue();
            alice.expect(Lines.anyOf(
                    Lines.commandWithParams("KICK", "#general", "bob"),
                    Lines.described("bob's QUIT", Lines.from("bob").and(Lines.command("QUIT")))));
            alice.send("NAMES #general");
            assertThat(alice.collectUntil(Lines.endOfNames("#general")))
                    .filteredOn(Lines.numeric(Numeric.RPL_NAMREPLY))
                    .allSatisfy(
                            names -> assertThat(names.lastParam().split(" ")).doesNotContain("bob", "@bob"));
            admin.send("WHOIS bob");
            admin.expect(Numeric.ERR_NOSUCHNICK);
        }
    }

    @Test
    void aBannedNickIsRefusedAtReconnectionWith465AndTheReason() {
        try (TestServer server = TestServer.start()) {
            server.user("bob");
            RawIrcClient admin = server.admin();
            admin.send("BAN bob :spamming links");
            admin.expect(noticeContaining("Banned"));

            RawIrcClient again = refusedRegistration(server, "bob");

            assertThat(again.expect(Numeric.ERR_YOUREBANNEDCREEP).lastParam()).contains("spamming links");
            assertThat(again.awaitClosed(CLOSE_WITHIN)).isTrue();
            assertThat(Received.commands(again)).doesNotContain(Numeric.RPL_WELCOME.code());
        }
    }

    @Test
    void aNickBanIsCaseInsensitive() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient admin = server.admin();
            admin.send("BAN Bob :shouting");
            admin.expect(noticeContaining("Banned"));

            RawIrcClient again = refusedRegistration(server, "bOB");

            again.expect(Numeric.ERR_YOUREBANNEDCREEP);
        }
    }

    @Test
    void aMaskBanDisconnectsEveryMatchingUserButNeverTheOperatorWhoSetIt() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient alice = server.user("alice");
            RawIrcClient bob = server.user("bob");
            RawIrcClient admin = server.admin();

            admin.send("BAN *!*@127.0.0.1 :whole host");

            for (RawIrcClient user : List.of(alice, bob)) {
                assertThat(user.expect(Numeric.ERR_YOUREBANNEDCREEP).lastParam())
                        .contains("whole host");
                assertThat(user.awaitClosed(CLOSE_WITHIN)).isTrue();
            }
            admin.expect(noticeContaining("Banned"));
            admin.send("PING still-here");
            assertThat(admin.expectCommand("PONG").lastParam())
                    .as("the operator is still connected")
                    .isEqualTo("still-here");
            refusedRegistration(server, "carol").expect(Numeric.ERR_YOUREBANNEDCREEP);
        }
    }

    @Test
    void anOperatorWhoBansTheirOwnNickStaysConnected() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient oper = server.user("oper");
            oper.send("OPER admin admin123");
            oper.expect(Numeric.RPL_YOUREOPER);

            oper.send("BAN oper :oops");

            oper.expect(noticeContaining("Banned"));
            oper.send("PING still-here");
            assertThat(oper.expectCommand("PONG").lastParam()).isEqualTo("still-here");
            assertThat(Received.commands(oper)).doesNotContain(Numeric.ERR_YOUREBANNEDCREEP.code(), "ERROR");
        }
    }

    @Test
    void unbanLetsTheUserBackIn() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient admin = server.admin();
            admin.send("BAN bob :cool off");
            admin.expect(noticeContaining("Banned"));
            refusedRegistration(server, "bob").expect(Numeric.ERR_YOUREBANNEDCREEP);

            admin.send("UNBAN bob");
            admin.expect(noticeContaining("lifted"));

            RawIrcClient bob = server.user("bob");
            bob.join("#general");
        }
    }

    @Test
    void unbanOfAnUnknownMaskSaysSo() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient admin = server.admin();
            admin.send("UNBAN nobody");
            admin.expect(noticeContaining("No ban"));
        }
    }

    @Test
    void bansListsEveryBanWithItsReasonAndEndsTheList() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient admin = server.admin();
            admin.send("BAN spammer :ads");
            admin.expect(noticeContaining("Banned"));
            admin.send("BAN *!*@10.0.0.* :bad network");
            admin.expect(noticeContaining("Banned"));

            admin.send("BANS");
            List<String> notices = admin.collectUntil(noticeContaining("End of ban list")).stream()
                    .filter(Lines.command("NOTICE"))
                    .map(IrcMessage::lastParam)
                    .toList();

            assertThat(notices).hasSize(3);
            assertThat(notices.get(0)).contains("spammer").contains("ads");
            assertThat(notices.get(1)).contains("*!*@10.0.0.*").contains("bad network");
            assertThat(notices.get(2)).startsWith("End of ban list");
        }
    }

    @Test
    void bansAfterUnbanNoLongerListsIt() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient admin = server.admin();
            admin.send("BAN spammer :ads");
            admin.expect(noticeContaining("Banned"));
            admin.send("UNBAN spammer");
            admin.expect(noticeContaining("lifted"));

            admin.send("BANS");
            List<IrcMessage> listing = admin.collectUntil(noticeContaining("End of ban list"));

            assertThat(listing).filteredOn(Lines.command("NOTICE")).hasSize(1);
        }
    }

    @Test
    void onlyOperatorsMayBanUnbanOrListBans() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient alice = server.user("alice");
            RawIrcClient bob = server.user("bob");

            for (String command : List.of("BAN bob :mine", "UNBAN bob", "BANS")) {
                alice.send(command);
                alice.expect(Numeric.ERR_NOPRIVILEGES);
            }
            bob.send("PING still-here");
            assertThat(bob.expectCommand("PONG").lastParam()).isEqualTo("still-here");
            assertThat(Received.commands(bob)).doesNotContain(Numeric.ERR_YOUREBANNEDCREEP.code());
        }
    }

    /** Needs persistent bans (the storage work). */
    @Test
    void aBanSurvivesARestart() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient admin = server.admin();
            admin.send("BAN bob :still banned tomorrow");
            admin.expect(noticeContaining("Banned"));

            server.restart();

            RawIrcClient again = refusedRegistration(server, "bob");
            assertThat(again.expect(Numeric.ERR_YOUREBANNEDCREEP).lastParam()).contains("still banned tomorrow");
            assertThat(again.awaitClosed(CLOSE_WITHIN)).isTrue();
        }
    }

    /** Needs persistent bans (the storage work). */
    @Test
    void anUnbanSurvivesARestart() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient admin = server.admin();
            admin.send("BAN bob :short");
            admin.expect(noticeContaining("Banned"));
            admin.send("UNBAN bob");
            admin.expect(noticeContaining("lifted"));

            server.restart();

            server.user("bob");
        }
    }

    /** Sends a registration for {@code nick} with the right server password, not waiting for its outcome. */
    private static RawIrcClient refusedRegistration(TestServer server, String nick) {
        RawIrcClient client = server.connect();
        client.send("PASS chat@123");
        client.send("NICK " + nick);
        client.send("USER " + nick + " 0 * :" + nick);
        return client;
    }

    private static Predicate<IrcMessage> noticeContaining(String text) {
        return Lines.described(
                "a NOTICE containing \"" + text + "\"",
                m -> m.verb().equals("NOTICE") && m.lastParam().contains(text));
    }
}
