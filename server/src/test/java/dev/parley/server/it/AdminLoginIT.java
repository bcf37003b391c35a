package dev.parley.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import at.favre.lib.crypto.bcrypt.BCrypt;
import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.Numeric;
import dev.parley.server.config.AuthConfig;
import dev.parley.server.config.Secret;
import dev.parley.testkit.Lines;
import dev.parley.testkit.RawIrcClient;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The seed's admin: PASS admin123 + NICK admin, or OPER from any nick; nobody else gets the nick. */
class AdminLoginIT {

    private static final Duration CLOSE_WITHIN = Duration.ofSeconds(5);

    @Test
    void theSeedsAdminLoginMakesAnOperatorThatWhoisShows() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient admin = server.connect();
            List<IrcMessage> burst = admin.register("admin", "admin123");
            assertThat(burst).anyMatch(Lines.numeric(Numeric.RPL_WELCOME));
            admin.expect(Numeric.RPL_YOUREOPER);
            admin.expect(Lines.commandWithParams("MODE", "admin", "+o"));

            RawIrcClient bob = server.user("bob");
            bob.send("WHOIS admin");
            assertThat(bob.expect(Numeric.RPL_WHOISOPERATOR).param(1)).isEqualTo("admin");
        }
    }

    @Test
    void operAdminFromAnotherNickMakesThatUserAnOperator() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient alice = server.user("alice");
            alice.send("OPER admin admin123");
            alice.expect(Numeric.RPL_YOUREOPER);
            alice.expect(Lines.commandWithParams("MODE", "alice", "+o"));

            alice.send("BANS");
            alice.expect(endOfBanList());
            RawIrcClient bob = server.user("bob");
            bob.send("WHOIS alice");
            assertThat(bob.expect(Numeric.RPL_WHOISOPERATOR).param(1)).isEqualTo("alice");
        }
    }

    @Test
    void operWithTheWrongPasswordGets464AndNoPrivileges() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient alice = server.user("alice");
            RawIrcClient bob = server.user("bob");
            alice.send("OPER admin admin124");
            alice.expect(Numeric.ERR_PASSWDMISMATCH);

            alice.send("BAN bob :no");
            alice.expect(Numeric.ERR_NOPRIVILEGES);
            alice.send("WHOIS alice");
            List<IrcMessage> whois = alice.collectUntil(Lines.numeric(Numeric.RPL_ENDOFWHOIS));
            assertThat(whois).noneMatch(Lines.numeric(Numeric.RPL_WHOISOPERATOR));
            bob.send("PING still-here");
            assertThat(bob.expectCommand("PONG").lastParam())
                    .as("bob is still connected")
                    .isEqualTo("still-here");
        }
    }

    @Test
    void theAdminNickWithTheServerPasswordIsReservedAndTheConnectionMayPickAnother() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient client = server.connect();
            client.send("PASS chat@123");
            client.send("NICK admin");
            client.send("USER someone 0 * :Someone");
            IrcMessage reserved = client.expect(Numeric.ERR_NICKNAMEINUSE);
            assertThat(reserved.params())
                    .as("addressed to *: the connection has no nick yet")
                    .startsWith("*", "admin");

            client.send("NICK carol");
            List<IrcMessage> burst = client.collectUntil(Lines.endOfMotd());
            assertThat(burst).anySatisfy(line -> {
                assertThat(line.command()).isEqualTo(Numeric.RPL_WELCOME.code());
                assertThat(line.param(0)).isEqualTo("carol");
            });
            assertThat(Received.commands(client)).doesNotContain(Numeric.RPL_YOUREOPER.code());
        }
    }

    @Test
    void theAdminNickIsReservedWhateverItsCase() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient client = server.connect();
            client.send("PASS chat@123");
            client.send("NICK AdMiN");
            client.send("USER someone 0 * :Someone");
            client.expect(Numeric.ERR_NICKNAMEINUSE);
            client.send("NICK carol");
            client.expect(Numeric.RPL_WELCOME);
        }
    }

    @Test
    void aRegisteredUserCannotChangeNickToAdmin() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient alice = server.user("alice");
            alice.send("NICK admin");
            assertThat(alice.expect(Numeric.ERR_NICKNAMEINUSE).param(1)).isEqualTo("admin");

            RawIrcClient bob = server.user("bob");
            bob.send("WHOIS alice");
            assertThat(bob.expect(Numeric.RPL_WHOISUSER).param(1)).isEqualTo("alice");
            RawIrcClient admin = server.admin();
            admin.expect(Numeric.RPL_YOUREOPER);
        }
    }

    @Test
    void theAdminNickWithAWrongPasswordIsRefusedWith464() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient client = server.connect();
            client.send("PASS admin124");
            client.send("NICK admin");
            client.send("USER admin 0 * :Admin");
            client.expect(Numeric.ERR_PASSWDMISMATCH);
            assertThat(client.awaitClosed(CLOSE_WITHIN)).isTrue();
            assertThat(Received.commands(client)).doesNotContain(Numeric.RPL_WELCOME.code());
        }
    }

    @Test
    void theAdminPasswordDoesNotLetAnOrdinaryNickIn() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient client = server.connect();
            client.send("PASS admin123");
            client.send("NICK alice");
            client.send("USER alice 0 * :Alice");
            client.expect(Numeric.ERR_PASSWDMISMATCH);
            assertThat(client.awaitClosed(CLOSE_WITHIN)).isTrue();
        }
    }

    @Test
    void aConfiguredAdminPasswordIsTheOnlyOneThatWorks() {
        AuthConfig auth =
                new AuthConfig(Optional.of(Secret.of("chat@123")), "admin", Secret.of("n3w-admin-pw"), List.of());
        try (TestServer server = TestServer.start(config -> config.withAuth(auth))) {
            RawIrcClient seedAdmin = server.connect();
            seedAdmin.send("PASS admin123");
            seedAdmin.send("NICK admin");
            seedAdmin.send("USER admin 0 * :Admin");
            seedAdmin.expect(Numeric.ERR_PASSWDMISMATCH);

            RawIrcClient alice = server.user("alice");
            alice.send("OPER admin admin123");
            alice.expect(Numeric.ERR_PASSWDMISMATCH);
            alice.send("OPER admin n3w-admin-pw");
            alice.expect(Numeric.RPL_YOUREOPER);

            RawIrcClient admin = server.connect();
            admin.register("admin", "n3w-admin-pw");
            admin.expect(Numeric.RPL_YOUREOPER);
            admin.expect(Lines.commandWithParams("MODE", "admin", "+o"));
        }
    }

    @Test
    void aBcryptHashedAdminPasswordInTheConfigWorks() {
        String hash = BCrypt.withDefaults().hashToString(10, "pw".toCharArray());
        AuthConfig auth = new AuthConfig(Optional.of(Secret.of("chat@123")), "admin", Secret.of(hash), List.of());
        try (TestServer server = TestServer.start(config -> config.withAuth(auth))) {
            RawIrcClient wrong = server.connect();
            wrong.send("PASS nope");
            wrong.send("NICK admin");
            wrong.send("USER admin 0 * :Admin");
            wrong.expect(Numeric.ERR_PASSWDMISMATCH);

            RawIrcClient impostor = server.connect();
            impostor.send("PASS chat@123");
            impostor.send("NICK admin");
            impostor.send("USER admin 0 * :Admin");
            impostor.expect(Numeric.ERR_NICKNAMEINUSE);
            impostor.send("NICK carol");
            impostor.expect(Numeric.RPL_WELCOME);

            RawIrcClient admin = server.connect();
            admin.register("admin", "pw");
            admin.expect(Numeric.RPL_YOUREOPER);

            RawIrcClient alice = server.user("alice");
            alice.send("OPER admin " + hash);
            alice.expect(Numeric.ERR_PASSWDMISMATCH);
            alice.send("OPER admin pw");
            alice.expect(Numeric.RPL_YOUREOPER);
        }
    }

    private static Predicate<IrcMessage> endOfBanList() {
        return Lines.described(
                "the end of the ban list",
                m -> m.verb().equals("NOTICE") && m.lastParam().startsWith("End of ban list"));
    }
}
