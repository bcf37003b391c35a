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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Failed logins are limited without handing anyone a way to lock the rightful owner out: per
 * (account, address), per address for account guesses, and per account with a bypass for addresses
 * the account logged in from before. Clients come from several 127.0.0.0/8 addresses.
 */
class LoginLimitsIT {

    private final List<RawIrcClient> clients = new ArrayList<>();

    @AfterEach
    void closeClients() {
        clients.forEach(RawIrcClient::close);
    }

    @Test
    void wrongSaslGuessesFromManyAddressesDoNotLockTheAdminOut() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient usual = from(server, "127.0.0.2"); // the admin's usual address
            usual.register("admin", "admin123");
            usual.send("QUIT");
            usual.awaitClosed(RawIrcClient.DEFAULT_TIMEOUT);
            for (int i = 1; i <= 25; i++) {
                RawIrcClient attacker = saslClient(server, "127.0.1." + i, "admin");
                attacker.send("AUTHENTICATE " + plain("admin", "guess-" + i));
                attacker.expect(Numeric.ERR_SASLFAIL);
            }

            RawIrcClient admin = saslClient(server, "127.0.0.2", "admin");
            admin.send("AUTHENTICATE " + plain("admin", "admin123"));
            admin.expect(Numeric.RPL_SASLSUCCESS);
            admin.send("CAP END");
            admin.expect(Numeric.RPL_YOUREOPER);
        }
    }

    @Test
    void anAccountUnderAttackRefusesNewAddressesWithTooManyAttempts() {
        try (TestServer server = TestServer.start()) {
            for (int i = 1; i <= 25; i++) {
                RawIrcClient attacker = saslClient(server, "127.0.2." + i, "admin");
                attacker.send("AUTHENTICATE " + plain("admin", "guess-" + i));
                attacker.expect(Numeric.ERR_SASLFAIL);
            }
            RawIrcClient stranger = saslClient(server, "127.0.3.1", "admin");
            stranger.send("AUTHENTICATE " + plain("admin", "admin123"));
            assertThat(stranger.expect(Numeric.ERR_SASLFAIL).lastParam()).contains("too many");
        }
    }

    @Test
    void aThrottledOperSaysTooManyAttemptsNotPasswordIncorrect() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient alice = from(server, "127.0.0.4");
            alice.register("alice", "chat@123");
            for (int i = 0; i < 5; i++) {
                alice.send("OPER admin wrong-" + i);
                assertThat(alice.expect(Numeric.ERR_PASSWDMISMATCH).lastParam()).isEqualTo("Password incorrect");
            }
            alice.send("OPER admin admin123");
            assertThat(alice.expect(Numeric.ERR_PASSWDMISMATCH).lastParam()).containsIgnoringCase("too many");

            RawIrcClient bob = from(server, "127.0.0.5");
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
                RawIrcClient client = from(server, "127.0.0.6");
                client.send("CAP LS 302");
                client.expect(Lines.commandWithParams("CAP", "*", "LS"));
                client.send("PASS chat@123");
                client.send("NICK kiwi");
                client.send("USER kiwi 0 * :Kiwi user");
                client.send("CAP REQ :sasl");
                client.expect(Lines.commandWithParams("CAP", "kiwi", "ACK"));
                client.send("AUTHENTICATE PLAIN");
                client.expect(Lines.commandWithParams("AUTHENTICATE", "+"));
                client.send("AUTHENTICATE " + plain("kiwi", "chat@123"));
                client.expect(Numeric.ERR_SASLFAIL);
                client.send("CAP END");
                client.expect(Numeric.RPL_WELCOME);
                client.send("QUIT");
                client.awaitClosed(RawIrcClient.DEFAULT_TIMEOUT);
            }
            assertThat(from(server, "127.0.0.6").register("someone", "chat@123"))
                    .anyMatch(Lines.numeric(Numeric.RPL_WELCOME));
        }
    }

    @Test
    void wrongServerPasswordsFromOneAddressDoNotLockOutTheRightOne() {
        try (TestServer server = TestServer.start()) {
            for (int i = 0; i < 8; i++) {
                RawIrcClient typo = from(server, "127.0.0.7");
                typo.send("PASS chat@124");
                typo.send("NICK typo");
                typo.send("USER typo 0 * :Typo");
                typo.expect(Numeric.ERR_PASSWDMISMATCH);
            }
            RawIrcClient typo = from(server, "127.0.0.7");
            typo.send("PASS chat@124");
            typo.send("NICK typo");
            typo.send("USER typo 0 * :Typo");
            assertThat(typo.expect(Numeric.ERR_PASSWDMISMATCH).lastParam()).containsIgnoringCase("too many");
            assertThat(from(server, "127.0.0.7").register("fine", "chat@123"))
                    .anyMatch(Lines.numeric(Numeric.RPL_WELCOME));
        }
    }

    @Test
    void anOverLongPassAgainstABcryptServerPasswordIsAWrongPasswordThatCounts() {
        try (TestServer server = TestServer.start(bcryptPasswords())) {
            String overLong = "x".repeat(100);
            for (int i = 0; i < 5; i++) {
                RawIrcClient client = from(server, "127.0.0.8");
                client.send("PASS " + overLong);
                client.send("NICK long" + i);
                client.send("USER long 0 * :Long");
                assertThat(client.expect(Numeric.ERR_PASSWDMISMATCH).lastParam()).isEqualTo("Password incorrect");
            }
            RawIrcClient client = from(server, "127.0.0.8");
            client.send("PASS " + overLong);
            client.send("NICK long");
            client.send("USER long 0 * :Long");
            assertThat(client.expect(Numeric.ERR_PASSWDMISMATCH).lastParam()).containsIgnoringCase("too many");
        }
    }

    @Test
    void anOverLongOperPasswordAgainstABcryptOperatorIsAWrongPasswordThatCounts() {
        try (TestServer server = TestServer.start(bcryptPasswords())) {
            RawIrcClient alice = from(server, "127.0.0.9");
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
            RawIrcClient early = from(server, "127.0.0.10");
            early.send("NICK early");
            early.send("AUTHENTICATE PLAIN");
            early.expect(Numeric.ERR_SASLFAIL);

            RawIrcClient late = from(server, "127.0.0.10");
            late.register("late", "chat@123");
            late.send("AUTHENTICATE PLAIN");
            late.expect(Numeric.ERR_SASLFAIL);
            late.send("AUTHENTICATE " + plain("admin", "admin123"));
            late.send("PING after");
            List<IrcMessage> lines = late.collectUntil(Lines.command("PONG"));
            assertThat(lines).noneMatch(Lines.numeric(Numeric.RPL_SASLSUCCESS));
        }
    }

    private static UnaryOperator<ParleyConfig> bcryptPasswords() {
        String serverHash = BCrypt.withDefaults().hashToString(4, "chat@123".toCharArray());
        String operHash = BCrypt.withDefaults().hashToString(4, "oper-password".toCharArray());
        return c -> c.withAuth(new AuthConfig(Optional.of(Secret.of(serverHash)), c.auth().adminName(),
                c.auth().adminPassword(), List.of(new OperatorConfig("ops", Secret.of(operHash)))));
    }

    /** A connection from {@code ip} (any 127.0.0.0/8 address: loopback, so no connection limit applies). */
    private RawIrcClient from(TestServer server, String ip) {
        Socket socket = new Socket();
        try {
            socket.bind(new InetSocketAddress(ip, 0));
            socket.connect(server.address(), (int) RawIrcClient.DEFAULT_TIMEOUT.toMillis());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        RawIrcClient client = RawIrcClient.over(socket);
        clients.add(client);
        return client;
    }

    /** A connection from {@code ip} that asked for sasl, gave NICK and USER, and started PLAIN. */
    private RawIrcClient saslClient(TestServer server, String ip, String nick) {
        RawIrcClient client = from(server, ip);
        client.send("CAP REQ :sasl");
        client.expect(Lines.commandWithParams("CAP", "*", "ACK"));
        client.send("NICK " + nick);
        client.send("USER " + nick + " 0 * :" + nick);
        client.send("AUTHENTICATE PLAIN");
        client.expect(Lines.commandWithParams("AUTHENTICATE", "+"));
        return client;
    }

    static String plain(String account, String password) {
        return Base64.getEncoder().encodeToString(
                (account + "\0" + account + "\0" + password).getBytes(StandardCharsets.UTF_8));
    }
}
