package dev.parley.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.Numeric;
import dev.parley.server.config.AuthConfig;
import dev.parley.server.config.Secret;
import dev.parley.testkit.Lines;
import dev.parley.testkit.RawIrcClient;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The seed's server password, as PASS at registration: the right one admits, anything else closes the door. */
class PasswordIT {

    private static final Duration CLOSE_WITHIN = Duration.ofSeconds(5);

    @Test
    void theServerPasswordRegistersTheUser() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient alice = server.connect();
            List<IrcMessage> burst = alice.register("alice", "chat@123");
            assertThat(burst).anySatisfy(line -> {
                assertThat(line.command()).isEqualTo(Numeric.RPL_WELCOME.code());
                assertThat(line.param(0)).isEqualTo("alice");
            });
        }
    }

    @Test
    void aWrongPasswordGets464ThenErrorAndTheConnectionIsClosedWithoutWelcome() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient client = server.connect();
            client.send("PASS not-the-password");
            client.send("NICK alice");
            client.send("USER alice 0 * :Alice");

            client.expect(Numeric.ERR_PASSWDMISMATCH);
            client.expectCommand("ERROR");
            assertThat(client.awaitClosed(CLOSE_WITHIN))
                    .as("the server closes the connection")
                    .isTrue();
            assertThat(Received.commands(client))
                    .containsSubsequence("464", "ERROR")
                    .doesNotContain(Numeric.RPL_WELCOME.code(), Numeric.RPL_ISUPPORT.code());
        }
    }

    @Test
    void registeringWithoutPassGets464AndIsClosed() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient client = server.connect();
            client.send("NICK alice");
            client.send("USER alice 0 * :Alice");

            client.expect(Numeric.ERR_PASSWDMISMATCH);
            client.expectCommand("ERROR");
            assertThat(client.awaitClosed(CLOSE_WITHIN))
                    .as("the server closes the connection")
                    .isTrue();
            assertThat(Received.commands(client)).doesNotContain(Numeric.RPL_WELCOME.code());
        }
    }

    @Test
    void nothingAfterTheRefusalRevealsTheServer() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient client = server.connect();
            client.send("PASS wrong");
            client.send("NICK alice");
            client.send("USER alice 0 * :Alice");
            client.send("JOIN #general");
            client.send("PRIVMSG #general :let me in");
            client.send("VERSION");

            assertThat(client.awaitClosed(CLOSE_WITHIN))
                    .as("the server closes the connection")
                    .isTrue();
            assertThat(Received.commands(client))
                    .as("only the refusal (and notices or 451 for the early commands), never a welcome or 005")
                    .containsSubsequence("464", "ERROR")
                    .allMatch(
                            command -> List.of("464", "ERROR", "NOTICE", "451").contains(command));
            assertThat(Received.commands(client).get(Received.commands(client).size() - 1))
                    .isEqualTo("ERROR");
        }
    }

    @Test
    void aServerWithoutAServerPasswordAdmitsClientsThatSendNoPass() {
        AuthConfig noServerPassword =
                new AuthConfig(Optional.empty(), "admin", Secret.of(AuthConfig.DEFAULT_ADMIN_PASSWORD), List.of());
        try (TestServer server = TestServer.start(config -> config.withAuth(noServerPassword))) {
            RawIrcClient alice = server.connect();
            alice.register("alice", null);
            alice.join("#general");
            RawIrcClient bob = server.connect();
            bob.register("bob", null);
            bob.join("#general");

            alice.send("PRIVMSG #general :no password needed");
            bob.expect(Lines.privmsgFrom("alice", "#general", "no password needed"));
        }
    }

    @Test
    void aServerWithoutAServerPasswordStillKeepsTheAdminNickForTheAdmin() {
        AuthConfig noServerPassword =
                new AuthConfig(Optional.empty(), "admin", Secret.of(AuthConfig.DEFAULT_ADMIN_PASSWORD), List.of());
        try (TestServer server = TestServer.start(config -> config.withAuth(noServerPassword))) {
            RawIrcClient impostor = server.connect();
            impostor.send("NICK admin");
            impostor.send("USER admin 0 * :Not the admin");
            assertThat(impostor.expect(Numeric.ERR_NICKNAMEINUSE).param(1)).isEqualTo("admin");

            RawIrcClient admin = server.admin();
            admin.expect(Numeric.RPL_YOUREOPER);
        }
    }
}
