package dev.parley.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.Numeric;
import dev.parley.server.config.AccountsConfig;
import dev.parley.server.config.ParleyConfig;
import dev.parley.testkit.Lines;
import dev.parley.testkit.RawIrcClient;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Accounts over real sockets: REGISTER, SASL PLAIN, PASS-login, nick protection, limits, account-notify. */
class AccountsIT {

    private static final String PASSWORD = "correct-horse-battery";

    @Test
    void registerAfterConnectLogsInAndSaslPlainLogsInOnTheNextConnection() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient alice = server.user("alice");
            alice.send("REGISTER * * :" + PASSWORD);
            IrcMessage success = alice.expectCommand("REGISTER");
            assertThat(success.params()).startsWith("SUCCESS", "alice");
            assertThat(alice.expect(Numeric.RPL_LOGGEDIN).param(2)).isEqualTo("alice");
            alice.send("QUIT");
            alice.awaitClosed(Duration.ofSeconds(5));

            RawIrcClient again = server.connect();
            again.send("CAP LS 302");
            assertThat(again.expectCommand("CAP").lastParam()).contains("sasl=PLAIN");
            again.send("CAP REQ :sasl");
            again.expect(Lines.commandWithParams("CAP", "*", "ACK"));
            again.send("NICK alice");
            again.send("USER alice 0 * :Alice");
            again.send("AUTHENTICATE PLAIN");
            again.expect(Lines.commandWithParams("AUTHENTICATE", "+"));
            again.send("AUTHENTICATE " + SaslPlain.payload("alice", PASSWORD));
            assertThat(again.expect(Numeric.RPL_LOGGEDIN).param(1)).isEqualTo("alice!alice@127.0.0.1");
            again.expect(Numeric.RPL_SASLSUCCESS);
            again.send("CAP END");
            again.expect(Numeric.RPL_WELCOME);

            RawIrcClient bob = server.user("bob");
            bob.send("WHOIS alice");
            assertThat(bob.expect(Numeric.RPL_WHOISACCOUNT).param(2)).isEqualTo("alice");
        }
    }

    @Test
    void aRegisteredNickIsRefusedToOthersWhoMayPickAnother() {
        try (TestServer server = TestServer.start()) {
            registerAccount(server, "alice");

            RawIrcClient mallory = server.connect();
            mallory.send("PASS chat@123");
            mallory.send("NICK alice");
            mallory.send("USER m 0 * :Mallory");
            IrcMessage refused = mallory.expect(Numeric.ERR_NICKNAMEINUSE);
            assertThat(refused.lastParam()).contains("registered");
            mallory.send("NICK mallory");
            mallory.expect(Numeric.RPL_WELCOME);

            mallory.send("NICK ALICE");
            assertThat(mallory.expect(Numeric.ERR_NICKNAMEINUSE).lastParam()).contains("registered");
        }
    }

    @Test
    void passWithTheAccountsPasswordLogsInInPlaceOfTheServerPassword() {
        try (TestServer server = TestServer.start()) {
            registerAccount(server, "alice");

            RawIrcClient alice = server.connect();
            List<IrcMessage> burst = alice.register("alice", PASSWORD);
            assertThat(burst).anyMatch(Lines.numeric(Numeric.RPL_LOGGEDIN));
            assertThat(burst).anyMatch(Lines.numeric(Numeric.RPL_WELCOME));
        }
    }

    @Test
    void aWrongAccountPasswordGets464AndTheConnectionCloses() {
        try (TestServer server = TestServer.start()) {
            registerAccount(server, "alice");

            RawIrcClient guess = server.connect();
            guess.send("PASS not-her-password");
            guess.send("NICK alice");
            guess.send("USER g 0 * :Guess");
            guess.expect(Numeric.ERR_PASSWDMISMATCH);
            assertThat(guess.awaitClosed(Duration.ofSeconds(5))).isTrue();
        }
    }

    @Test
    void failedLoginsPastTheLimitAreRefusedEvenWithTheRightPassword() {
        try (TestServer server = TestServer.start(limitLogins(3))) {
            registerAccount(server, "alice");
            for (int i = 0; i < 3; i++) {
                RawIrcClient client = saslClient(server);
                client.send("AUTHENTICATE " + SaslPlain.payload("alice", "wrong-" + i));
                assertThat(client.expect(Numeric.ERR_SASLFAIL).lastParam()).contains("wrong");
            }
            RawIrcClient client = saslClient(server);
            client.send("AUTHENTICATE " + SaslPlain.payload("alice", PASSWORD));
            assertThat(client.expect(Numeric.ERR_SASLFAIL).lastParam()).contains("too many failed logins");
        }
    }

    @Test
    void passwordsAreStoredOnlyAsBcryptHashesOfTheConfiguredCost() throws Exception {
        try (TestServer server = TestServer.start(c -> c.withAccounts(withCost(c.accounts(), 6)))) {
            registerAccount(server, "alice");
            List<String> hashes = new ArrayList<>();
            String url = "jdbc:sqlite:" + server.dataDir().resolve("parley.db");
            try (Connection db = DriverManager.getConnection(url);
                    Statement query = db.createStatement();
                    ResultSet rows = query.executeQuery("SELECT name, password_hash FROM accounts ORDER BY name")) {
                while (rows.next()) {
                    hashes.add(rows.getString(1) + " " + rows.getString(2));
                }
            }
            assertThat(hashes).hasSize(2); // the admin account and alice
            assertThat(hashes).allSatisfy(row -> assertThat(row.split(" ")[1]).matches("\\$2[aby]\\$\\d\\d\\$.{53}"));
            assertThat(hashes)
                    .filteredOn(row -> row.startsWith("alice "))
                    .singleElement()
                    .satisfies(row -> assertThat(row).contains("$2a$06$").doesNotContain(PASSWORD));
            assertThat(hashes).noneMatch(row -> row.contains("admin123"));
        }
    }

    @Test
    void theAdminIsAnOperatorAccountThatCanLogInWithSasl() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient admin = SaslPlain.start(server.connect(), "admin");
            admin.send("AUTHENTICATE " + SaslPlain.payload("admin", "admin123"));
            admin.expect(Numeric.RPL_SASLSUCCESS);
            admin.send("CAP END");
            admin.expect(Numeric.RPL_WELCOME);
            admin.expect(Numeric.RPL_YOUREOPER);
            admin.expect(Lines.commandWithParams("MODE", "admin", "+o"));
        }
    }

    @Test
    void registerChecksTheNameAndThePasswordFirst() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient bob = server.user("bob");
            bob.send("REGISTER carol * :" + PASSWORD);
            assertThat(bob.expect(fail("REGISTER")).param(1)).isEqualTo("ACCOUNT_NAME_MUST_BE_NICK");
            bob.send("REGISTER * * short");
            assertThat(bob.expect(fail("REGISTER")).param(1)).isEqualTo("WEAK_PASSWORD");

            registerAccount(server, "dave");
            RawIrcClient early = server.connect();
            early.send("PASS chat@123");
            early.send("NICK erin");
            early.send("REGISTER * * :" + PASSWORD);
            assertThat(early.expect(fail("REGISTER")).param(1)).isEqualTo("COMPLETE_CONNECTION_REQUIRED");
        }
    }

    @Test
    void beforeConnectRegistrationNeedsTheServerPasswordAndAnUnusedNick() {
        UnaryOperator<ParleyConfig> beforeConnect = c -> c.withAccounts(new AccountsConfig(
                AccountsConfig.Registration.BEFORE_CONNECT, 4, 8, 5, Duration.ofMinutes(1), 3, Duration.ofHours(1)));
        try (TestServer server = TestServer.start(beforeConnect)) {
            RawIrcClient holder = server.user("root");

            RawIrcClient grab = server.connect();
            grab.send("PASS chat@123");
            grab.send("NICK root");
            grab.expect(Numeric.ERR_NICKNAMEINUSE);
            grab.send("REGISTER * * :" + PASSWORD);
            assertThat(grab.expect(fail("REGISTER")).param(1)).isEqualTo("ACCOUNT_EXISTS");

            RawIrcClient noPass = server.connect();
            noPass.send("NICK frank");
            noPass.send("REGISTER * * :" + PASSWORD);
            assertThat(noPass.expect(fail("REGISTER")).param(1)).isEqualTo("TEMPORARILY_UNAVAILABLE");

            RawIrcClient early = server.connect();
            early.send("CAP LS 302");
            assertThat(early.expectCommand("CAP").lastParam()).contains("draft/account-registration=before-connect");
            early.send("PASS chat@123");
            early.send("NICK gina");
            early.send("REGISTER * * :" + PASSWORD);
            assertThat(early.expectCommand("REGISTER").params()).startsWith("SUCCESS", "gina");
            early.send("USER gina 0 * :Gina");
            early.send("CAP END");
            early.expect(Numeric.RPL_WELCOME);
            holder.send("WHOIS gina");
            assertThat(holder.expect(Numeric.RPL_WHOISACCOUNT).param(2)).isEqualTo("gina");
        }
    }

    @Test
    void roomMatesWithAccountNotifyHearOfALogin() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient watcher = server.connect();
            watcher.registerWithCaps("watcher", "chat@123", "account-notify");
            watcher.join("#general");
            RawIrcClient alice = server.user("alice");
            alice.join("#general");

            alice.send("REGISTER * * :" + PASSWORD);
            alice.expectCommand("REGISTER");
            IrcMessage notice = watcher.expect(Lines.command("ACCOUNT"));
            assertThat(notice.source()).startsWith("alice!");
            assertThat(notice.params()).containsExactly("alice");
        }
    }

    @Test
    void anOperatorAccountMayUseOper() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient alice = server.user("alice");
            alice.send("OPER admin admin123");
            alice.expect(Numeric.RPL_YOUREOPER);
        }
    }

    private static void registerAccount(TestServer server, String nick) {
        RawIrcClient client = server.user(nick);
        client.send("REGISTER * * :" + PASSWORD);
        assertThat(client.expectCommand("REGISTER").params()).startsWith("SUCCESS", nick);
        client.send("QUIT");
        client.awaitClosed(Duration.ofSeconds(5));
    }

    private static RawIrcClient saslClient(TestServer server) {
        return SaslPlain.start(server.connect(), "someone");
    }

    private static Predicate<IrcMessage> fail(String command) {
        return Lines.commandWithParams("FAIL", command);
    }

    private static UnaryOperator<ParleyConfig> limitLogins(int attempts) {
        return c -> c.withAccounts(new AccountsConfig(
                c.accounts().registration(),
                c.accounts().bcryptCost(),
                c.accounts().minPasswordLength(),
                attempts,
                Duration.ofMinutes(10),
                3,
                Duration.ofHours(1)));
    }

    private static AccountsConfig withCost(AccountsConfig a, int cost) {
        return new AccountsConfig(
                a.registration(),
                cost,
                a.minPasswordLength(),
                a.loginAttempts(),
                a.loginWindow(),
                a.registrationsPerIp(),
                a.registrationWindow());
    }
}
