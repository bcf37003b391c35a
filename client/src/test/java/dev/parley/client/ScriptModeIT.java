package dev.parley.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.it.TestServer;
import dev.parley.testkit.Lines;
import dev.parley.testkit.RawIrcClient;
import org.junit.jupiter.api.Test;

class ScriptModeIT {

    @Test
    void pipedLinesAreAllDeliveredThenTheClientExitsZero() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient bob = server.user("bob");
            bob.join("#general");
            ScriptedClient alice = ScriptedClient.start(options(server, "alice"));
            for (int i = 1; i <= 12; i++) {
                alice.type("line " + i + " héllo 👋");
            }
            alice.type("/me waves");
            alice.endInput();

            assertThat(alice.awaitExit()).isZero();
            for (int i = 1; i <= 12; i++) {
                bob.expect(Lines.privmsgFrom("alice", "#general", "line " + i + " héllo 👋"));
            }
            bob.expect(Lines.privmsgFrom("alice", "#general", "\u0001ACTION waves\u0001"));
            bob.expectCommand("QUIT");
            assertThat(alice.output())
                    .contains("[general] [alice]: line 1 héllo 👋")
                    .contains("[general] * alice waves")
                    .doesNotContain("\u001b[");
        }
    }

    @Test
    void startupAnswersCanComeFromTheInputLikeTheSeedsPrompts() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient bob = server.user("bob");
            bob.join("#dev-team");
            ScriptedClient carol = ScriptedClient.start(ClientOptions.defaults()
                    .withServer("127.0.0.1", server.address().getPort()));
            carol.type("carol")
                    .type("chat@123")
                    .type("dev-team")
                    .type("hi from a pipe")
                    .endInput();

            assertThat(carol.awaitExit()).isZero();
            bob.expect(Lines.privmsgFrom("carol", "#dev-team", "hi from a pipe"));
        }
    }

    @Test
    void thePasswordMayComeFromTheEnvironment() {
        try (TestServer server = TestServer.start()) {
            ScriptedClient dave = ScriptedClient.start(
                    ClientOptions.defaults()
                            .withServer("127.0.0.1", server.address().getPort())
                            .withNick("dave")
                            .withRoom("general"),
                    java.util.Map.of("PARLEY_PASSWORD", "chat@123"));
            dave.endInput();
            assertThat(dave.awaitExit()).isZero();
            assertThat(dave.output()).contains("[general] You joined");
        }
    }

    static ClientOptions options(TestServer server, String nick) {
        return ClientOptions.defaults()
                .withServer("127.0.0.1", server.address().getPort())
                .withNick(nick)
                .withRoom("general")
                .withPassword("chat@123");
    }
}
