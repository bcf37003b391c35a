package dev.parley.client;

import static dev.parley.client.ScriptModeIT.options;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.config.ListenAddress;
import dev.parley.server.config.ServerConfig;
import dev.parley.server.config.TlsConfig;
import dev.parley.server.it.TestServer;
import dev.parley.testkit.Lines;
import dev.parley.testkit.RawIrcClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each way things go wrong ends in a message a person understands. */
class TroublesIT {

    @Test
    void aWrongPasswordIsSaidPlainlyAndExitsNonZero() {
        try (TestServer server = TestServer.start()) {
            ScriptedClient alice = ScriptedClient.start(options(server, "alice").withPassword("guess"));
            assertThat(alice.awaitExit()).isEqualTo(ExitCode.FAILED);
            assertThat(alice.output()).contains("Wrong password");
            assertThat(linesWith(alice.output(), "password"))
                    .as("one message for one error")
                    .hasSize(1);
        }
    }

    @Test
    void aBannedUserIsToldTheReasonAtLogin() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient admin = server.admin();
            admin.send("BAN mallory flooding");
            admin.expect(Lines.command("NOTICE"));
            ScriptedClient mallory = ScriptedClient.start(options(server, "mallory"));
            assertThat(mallory.awaitExit()).isEqualTo(ExitCode.FAILED);
            assertThat(mallory.output()).contains("You are banned from this server: flooding");
            assertThat(linesWith(mallory.output(), "anned"))
                    .as("one message for one error")
                    .hasSize(1);
        }
    }

    @Test
    void aTakenNickIsReplacedByAnOfferedOneInScripts() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient first = server.user("alice");
            first.join("#general");
            try (ScriptedClient second = ScriptedClient.start(options(server, "alice"))) {
                second.awaitOutput("Trying alice_ instead");
                second.awaitOutput("[general] You joined");
                second.type("it is me, the other alice");
                first.expect(Lines.privmsgFrom("alice_", "#general", "it is me, the other alice"));
                assertThat(linesWith(second.output(), "in use"))
                        .as("one message for one error")
                        .hasSize(1);
            }
        }
    }

    @Test
    void theReservedAdminNickWithoutTheAdminPasswordGetsAnotherNick() {
        try (TestServer server = TestServer.start()) {
            try (ScriptedClient impostor = ScriptedClient.start(options(server, "admin"))) {
                impostor.awaitOutput("Nickname is registered");
                impostor.awaitOutput("[general] You joined");
                assertThat(impostor.output()).contains("Trying admin_ instead");
            }
        }
    }

    @Test
    void anUnreachableServerIsExplained() {
        int port = freePort();
        ScriptedClient alice = ScriptedClient.start(ClientOptions.defaults()
                .withServer("127.0.0.1", port)
                .withNick("alice")
                .withRoom("general")
                .withPassword("chat@123"));
        assertThat(alice.awaitExit()).isEqualTo(ExitCode.FAILED);
        assertThat(alice.output()).contains("Cannot reach the server").contains("127.0.0.1:" + port);
        assertThat(alice.output().split("(?i)reach", -1)).as("said once").hasSize(2);
    }

    @Test
    void overTlsTheClientChatsWhenItTrustsTheServersSelfSignedCertificate() {
        try (TestServer server = TestServer.start(c -> c.withTls(new TlsConfig(
                List.of(new ListenAddress("127.0.0.1", 0)), java.util.Optional.empty(), java.util.Optional.empty())))) {
            int tlsPort = server.server().tlsAddresses().get(0).getPort();
            RawIrcClient bob = server.user("bob");
            bob.join("#general");
            try (ScriptedClient alice = ScriptedClient.start(options(server, "alice")
                    .withServer("127.0.0.1", tlsPort)
                    .withTlsFingerprint(server.server().tls().fingerprint()))) {
                alice.awaitOutput("[general] You joined");
                bob.send("PRIVMSG #general :hello over tls");
                alice.awaitOutput("hello over tls");
            }
        }
    }

    @Test
    void anUntrustedCertificateIsSaidPlainly() {
        try (TestServer server = TestServer.start(c -> c.withTls(new TlsConfig(
                List.of(new ListenAddress("127.0.0.1", 0)), java.util.Optional.empty(), java.util.Optional.empty())))) {
            int tlsPort = server.server().tlsAddresses().get(0).getPort();
            ScriptedClient alice = ScriptedClient.start(
                    options(server, "alice").withServer("127.0.0.1", tlsPort).withTls(true));
            assertThat(alice.awaitExit()).isEqualTo(ExitCode.FAILED);
            String said = alice.output();
            assertThat(linesWith(said, "certificate"))
                    .as("one line, the hint first")
                    .singleElement()
                    .asString()
                    .startsWith("The server's certificate is not trusted: pass --tls-fingerprint")
                    .contains(server.server().tls().fingerprint());
            assertThat(said).doesNotContainIgnoringCase("cannot reach");
        }
    }

    @Test
    void beingKickedSaysByWhomAndWhy() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient admin = server.admin();
            admin.join("#general");
            try (ScriptedClient alice = ScriptedClient.start(options(server, "alice"))) {
                alice.awaitOutput("[general] You joined");
                admin.expect(Lines.joinOf("alice", "#general"));
                admin.send("KICK #general alice :mind your manners");
                alice.awaitOutput("[general] You were kicked by admin: mind your manners");
            }
        }
    }

    @Test
    void aLostConnectionIsRetriedAndTheRoomsRejoined() {
        int port = freePort();
        try (TestServer server = TestServer.start(config -> config.withServer(new ServerConfig(
                config.server().name(),
                config.server().network(),
                List.of(new ListenAddress("127.0.0.1", port)),
                config.server().motd(),
                false)))) {
            try (ScriptedClient alice =
                    ScriptedClient.start(options(server, "alice").withRoom("dev"))) {
                alice.awaitOutput("[dev] You joined");
                alice.type("/join general");
                alice.awaitOutput("[general] You joined");
                alice.type("/switch dev");
                alice.awaitOutput("Now talking in dev");

                server.restart();

                alice.awaitOutput("Connection lost");
                alice.awaitOutput("Reconnecting in 1 s");
                assertThat(server.address().getPort()).isEqualTo(port);
                RawIrcClient bob = server.user("bob");
                bob.join("#dev");
                alice.awaitOutput("Reconnected as alice; rejoining general, dev");
                bob.expect(Lines.joinOf("alice", "#dev"));
                alice.type("back again");
                bob.expect(Lines.privmsgFrom("alice", "#dev", "back again"));
            }
        }
    }

    @Test
    void aReconnectKeepsTheNickChosenSinceStartUp() {
        int port = freePort();
        try (TestServer server = TestServer.start(config -> config.withServer(new ServerConfig(
                config.server().name(),
                config.server().network(),
                List.of(new ListenAddress("127.0.0.1", port)),
                config.server().motd(),
                false)))) {
            try (ScriptedClient alice = ScriptedClient.start(options(server, "alice"))) {
                alice.awaitOutput("[general] You joined");
                alice.type("/nick alicia");
                alice.awaitOutput("You are now known as alicia");

                server.restart();

                alice.awaitOutput("Connection lost");
                RawIrcClient bob = server.user("bob");
                bob.join("#general");
                alice.awaitOutput("Reconnected as alicia");
                bob.expect(Lines.joinOf("alicia", "#general"));
                alice.type("still alicia");
                bob.expect(Lines.privmsgFrom("alicia", "#general", "still alicia"));
            }
        }
    }

    @Test
    void aFailedOperIsShownAndDoesNotStopReconnecting() {
        int port = freePort();
        try (TestServer server = TestServer.start(config -> config.withServer(new ServerConfig(
                config.server().name(),
                config.server().network(),
                List.of(new ListenAddress("127.0.0.1", port)),
                config.server().motd(),
                false)))) {
            try (ScriptedClient alice = ScriptedClient.start(options(server, "alice"))) {
                alice.awaitOutput("[general] You joined");
                alice.type("/raw OPER admin not-the-password");
                alice.awaitOutput("Wrong password: Password incorrect");

                server.restart();

                alice.awaitOutput("Reconnecting in 1 s");
                alice.awaitOutput("Reconnected as alice");
            }
        }
    }

    @Test
    void aPlainServerOnTheTlsPortIsNotCalledUnreachable() {
        try (TestServer server = TestServer.start()) {
            ScriptedClient alice = ScriptedClient.start(options(server, "alice").withTls(true));
            assertThat(alice.awaitExit()).isEqualTo(ExitCode.FAILED);
            assertThat(alice.output()).contains("TLS").doesNotContainIgnoringCase("cannot reach");
        }
    }

    /** The output's lines that contain {@code text}. */
    static List<String> linesWith(String output, String text) {
        return output.lines().filter(line -> line.contains(text)).toList();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
