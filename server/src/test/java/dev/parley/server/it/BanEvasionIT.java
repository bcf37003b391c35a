package dev.parley.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.Numeric;
import dev.parley.server.config.ListenAddress;
import dev.parley.server.config.ModerationConfig;
import dev.parley.server.config.ParleyConfig;
import dev.parley.server.config.ServerConfig;
import dev.parley.testkit.Lines;
import dev.parley.testkit.RawIrcClient;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * A server ban holds on every identity the banned person had: the nick (also on a later NICK), the
 * account (under any nick), and a guest's address; and a banned identity cannot join a room.
 */
class BanEvasionIT {

    private static final Duration CLOSE_WITHIN = Duration.ofSeconds(5);
    private static final String PASSWORD = "correct-horse-battery";

    @Test
    void aBannedNickCannotBeTakenWithNickAfterRegisteringUnderAnother() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient admin = server.admin();
            admin.send("BAN bob :spamming links");
            admin.expect(noticeContaining("Banned"));
            RawIrcClient bob2 = server.user("bob2");
            bob2.join("#general");

            bob2.send("NICK bob");

            IrcMessage refused = bob2.expect(Numeric.ERR_ERRONEUSNICKNAME);
            assertThat(refused.param(1)).isEqualTo("bob");
            assertThat(refused.lastParam()).contains("banned").contains("spamming links");
            admin.send("WHOIS bob");
            admin.expect(Numeric.ERR_NOSUCHNICK);
            bob2.send("PING still-bob2");
            assertThat(bob2.expectCommand("PONG").lastParam()).isEqualTo("still-bob2");
            assertThat(Received.commands(bob2)).doesNotContain("NICK");
        }
    }

    @Test
    void aBannedNickIsRefusedWhateverItsCase() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient admin = server.admin();
            admin.send("BAN bob :spamming links");
            admin.expect(noticeContaining("Banned"));
            RawIrcClient other = server.user("other");

            other.send("NICK BoB");

            other.expect(Numeric.ERR_ERRONEUSNICKNAME);
        }
    }

    @Test
    void banningALoggedInUserBansTheAccountUnderAnyNick() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient bob = registeredAccount(server, "bob");
            RawIrcClient admin = server.admin();
            admin.send("BAN bob :spamming links");
            bob.expect(Numeric.ERR_YOUREBANNEDCREEP);
            assertThat(bob.awaitClosed(CLOSE_WITHIN)).isTrue();

            RawIrcClient robert = saslRegistration(server, "robert", "bob");

            assertThat(robert.expect(Numeric.ERR_YOUREBANNEDCREEP).lastParam()).contains("spamming links");
            assertThat(robert.awaitClosed(CLOSE_WITHIN)).isTrue();
            assertThat(Received.commands(robert)).doesNotContain(Numeric.RPL_WELCOME.code());
        }
    }

    @Test
    void banningTheNickOfAnAccountWhileItIsOfflineBansTheAccount() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient bob = registeredAccount(server, "bob");
            bob.send("QUIT");
            assertThat(bob.awaitClosed(CLOSE_WITHIN)).isTrue();
            RawIrcClient admin = server.admin();
            admin.send("BAN bob :spamming links");
            assertThat(admin.expect(noticeContaining("Banned")).lastParam()).contains("account bob");

            RawIrcClient robert = saslRegistration(server, "robert", "bob");

            assertThat(robert.expect(Numeric.ERR_YOUREBANNEDCREEP).lastParam()).contains("spamming links");
        }
    }

    @Test
    void aGuestWhoLogsInToABannedAccountIsDisconnected() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient bob = registeredAccount(server, "bob");
            RawIrcClient admin = server.admin();
            admin.send("BAN bob :spamming links");
            assertThat(bob.awaitClosed(CLOSE_WITHIN)).isTrue();
            RawIrcClient robert = server.connect();
            robert.registerWithCaps("robert", "chat@123", "sasl");

            robert.send("AUTHENTICATE PLAIN");
            robert.expect(Lines.commandWithParams("AUTHENTICATE", "+"));
            robert.send("AUTHENTICATE " + SaslPlain.payload("bob", PASSWORD));

            robert.expect(Numeric.ERR_YOUREBANNEDCREEP);
            assertThat(robert.awaitClosed(CLOSE_WITHIN)).isTrue();
        }
    }

    @Test
    void bansListsTheAccountOfABannedUser() {
        try (TestServer server = TestServer.start()) {
            registeredAccount(server, "bob");
            RawIrcClient admin = server.admin();
            admin.send("BAN bob :spamming links");
            admin.expect(noticeContaining("Banned"));

            admin.send("BANS");

            List<String> notices = admin.collectUntil(noticeContaining("End of ban list")).stream()
                    .filter(Lines.command("NOTICE"))
                    .map(IrcMessage::lastParam)
                    .toList();
            assertThat(notices.get(0))
                    .contains("bob!*@*")
                    .contains("account bob")
                    .contains("spamming links");
        }
    }

    @Test
    void banningAGuestBansTheirAddressUnderAnyNick() {
        InetAddress outside = nonLoopbackAddress().orElse(null);
        assumeTrue(outside != null, "this machine has no non-loopback IPv4 address");
        try (TestServer server = TestServer.start(BanEvasionIT::listenOnEveryAddress)) {
            RawIrcClient bob = connectFrom(server, outside);
            bob.register("bob", "chat@123");
            RawIrcClient admin = server.admin();
            admin.send("BAN bob :spamming links");
            assertThat(bob.awaitClosed(CLOSE_WITHIN)).isTrue();

            RawIrcClient bobby = connectFrom(server, outside);
            refusedRegistration(bobby, "bobby");

            assertThat(bobby.expect(Numeric.ERR_YOUREBANNEDCREEP).lastParam()).contains("spamming links");
            assertThat(bobby.awaitClosed(CLOSE_WITHIN)).isTrue();
            server.user("carol").join("#general");
            admin.send("BANS");
            assertThat(admin.expect(noticeContaining("bob!*@*")).lastParam())
                    .contains("address " + outside.getHostAddress());
        }
    }

    @Test
    void withGuestAddressBansOffOnlyTheNickIsBanned() {
        InetAddress outside = nonLoopbackAddress().orElse(null);
        assumeTrue(outside != null, "this machine has no non-loopback IPv4 address");
        try (TestServer server = TestServer.start(c -> listenOnEveryAddress(c)
                .withModeration(
                        new ModerationConfig(false, ModerationConfig.defaults().maxRoomsPerAccount())))) {
            RawIrcClient bob = connectFrom(server, outside);
            bob.register("bob", "chat@123");
            RawIrcClient admin = server.admin();
            admin.send("BAN bob :spamming links");
            assertThat(bob.awaitClosed(CLOSE_WITHIN)).isTrue();

            connectFrom(server, outside).register("bobby", "chat@123");

            admin.send("BANS");
            assertThat(admin.expect(noticeContaining("bob!*@*")).lastParam()).doesNotContain("address");
        }
    }

    @Test
    void anOperatorWhoseOwnMaskIsBannedStillModeratesRooms() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient admin = server.admin();
            admin.send("BAN *!*@127.0.0.1 :whole host");
            admin.expect(noticeContaining("Banned"));

            admin.join("#general");
        }
    }

    @Test
    void aLoopbackAddressIsNeverBannedWithAGuestSoOtherLocalGuestsStay() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient alice = server.user("alice");
            server.user("bob");
            RawIrcClient admin = server.admin();

            admin.send("BAN bob :spamming links");
            admin.expect(noticeContaining("disconnected 1 user"));

            alice.send("PING still-here");
            assertThat(alice.expectCommand("PONG").lastParam()).isEqualTo("still-here");
            server.user("carol");
        }
    }

    static ParleyConfig listenOnEveryAddress(ParleyConfig config) {
        ServerConfig s = config.server();
        return config.withServer(
                new ServerConfig(s.name(), s.network(), List.of(new ListenAddress("0.0.0.0", 0)), s.motd(), true));
    }

    static RawIrcClient connectFrom(TestServer server, InetAddress address) {
        return RawIrcClient.connect(
                new InetSocketAddress(address, server.address().getPort()));
    }

    /** An IPv4 address of this machine other than loopback: to the server, a different host. */
    static Optional<InetAddress> nonLoopbackAddress() {
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp() || nic.isLoopback()) {
                    continue;
                }
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
                        return Optional.of(address);
                    }
                }
            }
        } catch (SocketException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** A registered and logged-in user (REGISTER after connecting), still connected. */
    private static RawIrcClient registeredAccount(TestServer server, String nick) {
        RawIrcClient client = server.user(nick);
        client.send("REGISTER * * :" + PASSWORD);
        assertThat(client.expectCommand("REGISTER").params()).startsWith("SUCCESS", nick);
        return client;
    }

    /** A registration as {@code nick}, logged in to {@code account} with SASL, not waiting for its outcome. */
    private static RawIrcClient saslRegistration(TestServer server, String nick, String account) {
        RawIrcClient client = server.connect();
        client.send("CAP REQ :sasl");
        client.expect(Lines.commandWithParams("CAP", "*", "ACK"));
        client.send("PASS chat@123");
        client.send("NICK " + nick);
        client.send("USER " + nick + " 0 * :" + nick);
        client.send("AUTHENTICATE PLAIN");
        client.expect(Lines.commandWithParams("AUTHENTICATE", "+"));
        client.send("AUTHENTICATE " + SaslPlain.payload(account, PASSWORD));
        client.expect(Numeric.RPL_SASLSUCCESS);
        client.send("CAP END");
        return client;
    }

    private static void refusedRegistration(RawIrcClient client, String nick) {
        client.send("PASS chat@123");
        client.send("NICK " + nick);
        client.send("USER " + nick + " 0 * :" + nick);
    }

    static Predicate<IrcMessage> noticeContaining(String text) {
        return Lines.described(
                "a NOTICE containing \"" + text + "\"",
                m -> m.verb().equals("NOTICE") && m.lastParam().contains(text));
    }
}
