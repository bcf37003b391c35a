package dev.parley.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import at.favre.lib.crypto.bcrypt.BCrypt;
import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.Numeric;
import dev.parley.server.config.AuthConfig;
import dev.parley.server.config.OperatorConfig;
import dev.parley.server.config.ParleyConfig;
import dev.parley.server.config.Secret;
import dev.parley.testkit.Lines;
import dev.parley.testkit.RawIrcClient;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Failed logins are limited without handing anyone a way to lock the rightful owner out: per
 * (account, address), per address for account guesses, and per account with a bypass for addresses
 * the account logged in from before. Clients come from several 127.0.0.0/8 addresses.
 */
class LoginLimitsIT {

    @Test
    void wrongSaslGuessesFromManyAddressesDoNotLockTheAdminOut() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient usual = server.connectFrom("127.0.0.2"); // the admin's usual address
            usual.register("admin", "admin123");
            usual.send("QUIT");
            usual.awaitClosed(RawIrcClient.DEFAULT_TIMEOUT);
            for (int i = 1; i <= 25; i++) {
                RawIrcClient attacker = SaslPlain.start(server.connectFrom("127.0.1." + i), "admin");
                attacker.send("AUTHENTICATE " + SaslPlain.payload("admin", "guess-" + i));
                attacker.expect(Numeric.ERR_SASLFAIL);
            }

            RawIrcClient admin = SaslPlain.start(server.connectFrom("127.0.0.2"), "admin");
            admin.send("AUTHENTICATE " + SaslPlain.payload("admin", "admin123"));
            admin.expect(Numeric.RPL_SASLSUCCESS);
            admin.send("CAP END");
            admin.expect(Numeric.RPL_YOUREOPER);
        }
    }

    @Test
    void anAccountUnderAttackRefusesNewAddressesWithTooManyAttempts() {
        try (TestServer server = TestServer.start()) {
            for (int i = 1; i <= 25; i++) {
                RawIrcClient attacker = SaslPlain.start(server.connectFrom("127.0.2." + i), "admin");
                attacker.send("AUTHENTICATE " + SaslPlain.payload("admin", "guess-" + i));
                attacker.expect(Numeric.ERR_SASLFAIL);
            }
            RawIrcClient stranger = SaslPlain.start(server.connectFrom("127.0.3.1"), "admin");
            stranger.send("AUTHENTICATE " + SaslPlain.payload("admin", "admin123"));
            assertThat(stranger.expect(Numeric.ERR_SASLFAIL).lastParam()).contains("too many");
        }
    }

    @Test
    void aThrottledOperSaysTooManyAttemptsNotPasswordIncorrect() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient alice = server.connectFrom("127.0.0.4");
            alice.register("alice", "chat@123");
            for (int i = 0; i < 5; i++) {
                alice.send("OPER admin wrong-" + i);
                assertThat(alice.expect(Numeric.ERR_PASSWDMISMATCH).lastParam()).isEqualTo("Password incorrect");
            }
            alice.send("OPER admin admin123");
            assertThat(alice.expect(Numeric.ERR_PASSWDMISMATCH).lastParam()).containsIgnoringCase("too many");

            RawIrcClient bob = server.connectFrom("127.0.0.5");
            bob.register("bob", "chat@123");
            bob.send("OPER admin admin123");
            bob.expect(Numeric.RPL_YOUREOPER);
        }
    }

    /**
     * irc-framework (under KiwiIRC and The Lounge) given a server password and no account sends SASL
     * PLAIN with the nick and the server password; the 904 must not count against a correct PASS.
     */
    @Test
    void ircFrameworkFiftyTimesFromOneAddressNeverLocksOutACorrectPass() {
        try (TestServer server = TestServer.start()) {
            for (int i = 0; i < 50; i++) {
                RawIrcClient client = server.connectFrom("127.0.0.6");
                client.send("CAP LS 302");
                client.expect(Lines.commandWithParams("CAP", "*", "LS"));
                client.send("PASS chat@123");
                client.send("NICK kiwi");
                client.send("USER kiwi 0 * :Kiwi user");
                client.send("CAP REQ :sasl");
                client.expect(Lines.commandWithParams("CAP", "kiwi", "ACK"));
                client.send("AUTHENTICATE PLAIN");
                client.expect(Lines.commandWithParams("AUTHENTICATE", "+"));
                client.send("AUTHENTICATE " + SaslPlain.payload("kiwi", "chat@123"));
                client.expect(Numeric.ERR_SASLFAIL);
                client.send("CAP END");
                client.expect(Numeric.RPL_WELCOME);
                client.send("QUIT");
                client.awaitClosed(RawIrcClient.DEFAULT_TIMEOUT);
            }
            assertThat(server.connectFrom("127.0.0.6").register("someone", "chat@123"))
                    .anyMatch(Lines.numeric(Numeric.RPL_WELCOME));
        }
    }

    @Test
    void wrongServerPasswordsFromOneAddressDoNotLockOutTheRightOne() {
        try (TestServer server = TestServer.start()) {
            for (int i = 0; i < 8; i++) {
                RawIrcClient typo = server.connectFrom("127.0.0.7");
                typo.send("PASS chat@124");
                typo.send("NICK typo");
                typo.send("USER typo 0 * :Typo");
                typo.expect(Numeric.ERR_PASSWDMISMATCH);
            }
            RawIrcClient typo = server.connectFrom("127.0.0.7");
            typo.send("PASS chat@124");
            typo.send("NICK typo");
            typo.send("USER typo 0 * :Typo");
            assertThat(typo.expect(Numeric.ERR_PASSWDMISMATCH).lastParam()).containsIgnoringCase("too many");
            assertThat(server.connectFrom("127.0.0.7").register("fine", "chat@123"))
                    .anyMatch(Lines.numeric(Numeric.RPL_WELCOME));
        }
    }

    @Test
    void anOverLongPassAgainstABcryptServerPasswordIsAWrongPasswordThatCounts() {
        try (TestServer server = TestServer.start(bcryptPasswords())) {
            String overLong = "x".repeat(100);
            for (int i = 0; i < 5; i++) {
                RawIrcClient client = server.connectFrom("127.0.0.8");
                client.send("PASS " + overLong);
                client.send("NICK long" + i);
                client.send("USER long 0 * :Long");
                assertThat(client.expect(Numeric.ERR_PASSWDMISMATCH).lastParam())
                        .isEqualTo("Password incorrect");
            }
            RawIrcClient client = server.connectFrom("127.0.0.8");
            client.send("PASS " + overLong);
            client.send("NICK long");
            client.send("USER long 0 * :Long");
            assertThat(client.expect(Numeric.ERR_PASSWDMISMATCH).lastParam()).containsIgnoringCase("too many");
        }
    }

    @Test
    void anOverLongOperPasswordAgainstABcryptOperatorIsAWrongPasswordThatCounts() {
        try (TestServer server = TestServer.start(bcryptPasswords())) {
            RawIrcClient alice = server.connectFrom("127.0.0.9");
            alice.register("alice", "chat@123");
            for (int i = 0; i < 5; i++) {
                alice.send("OPER ops " + "y".repeat(100));
                assertThat(alice.expect(Numeric.ERR_PASSWDMISMATCH).lastParam()).isEqualTo("Password incorrect");
            }
            alice.send("OPER ops " + "y".repeat(100));
            assertThat(alice.expect(Numeric.ERR_PASSWDMISMATCH).lastParam()).containsIgnoringCase("too many");
        }
    }

    @Test
    void authenticateWithoutTheSaslCapabilityIsRefusedWith904() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient early = server.connectFrom("127.0.0.10");
            early.send("NICK early");
            early.send("AUTHENTICATE PLAIN");
            early.expect(Numeric.ERR_SASLFAIL);

            RawIrcClient late = server.connectFrom("127.0.0.10");
            late.register("late", "chat@123");
            late.send("AUTHENTICATE PLAIN");
            late.expect(Numeric.ERR_SASLFAIL);
            late.send("AUTHENTICATE " + SaslPlain.payload("admin", "admin123"));
            late.send("PING after");
            List<IrcMessage> lines = late.collectUntil(Lines.command("PONG"));
            assertThat(lines).noneMatch(Lines.numeric(Numeric.RPL_SASLSUCCESS));
        }
    }

    private static UnaryOperator<ParleyConfig> bcryptPasswords() {
        String serverHash = BCrypt.withDefaults().hashToString(4, "chat@123".toCharArray());
        String operHash = BCrypt.withDefaults().hashToString(4, "oper-password".toCharArray());
        return c -> c.withAuth(new AuthConfig(
                Optional.of(Secret.of(serverHash)),
                c.auth().adminName(),
                c.auth().adminPassword(),
                List.of(new OperatorConfig("ops", Secret.of(operHash)))));
    }
}
