package dev.parley.client;

import static dev.parley.client.ScriptModeIT.options;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.it.TestServer;
import dev.parley.testkit.Lines;
import dev.parley.testkit.RawIrcClient;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JLine UI on a test terminal: prompts, the input line under incoming traffic, offers. */
class TerminalUiIT {

    private static final Map<String, String> NO_COLOR = Map.of("NO_COLOR", "1");

    @Test
    void promptsAskForNickPasswordAndRoomAndNeverShowThePassword() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient bob = server.user("bob");
            bob.join("#general");
            ClientOptions nothingGiven = ClientOptions.defaults().withServer("127.0.0.1", server.address().getPort());
            try (TerminalSession alice = new TerminalSession(nothingGiven, NO_COLOR)) {
                alice.awaitScreen("Nickname: ");
                alice.type("alice\r").awaitScreen("Password: ");
                alice.type("chat@123\r").awaitScreen("Room ID [general]: ");
                alice.type("\r").awaitScreen("[general] You joined");
                bob.expect(Lines.joinOf("alice", "#general"));
                assertThat(alice.screen()).doesNotContain("chat@123").contains("********");

                alice.type("hello from a terminal 👋\r");
                bob.expect(Lines.privmsgFrom("alice", "#general", "hello from a terminal 👋"));
                alice.type("/quit\r");
                assertThat(alice.awaitExit()).isZero();
            }
        }
    }

    @Test
    void aLineBeingTypedSurvivesIncomingMessages() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient bob = server.user("bob");
            bob.join("#general");
            try (TerminalSession alice = new TerminalSession(options(server, "alice"), NO_COLOR)) {
                alice.awaitScreen("/help lists the commands");
                bob.expect(Lines.joinOf("alice", "#general"));
                alice.type("hel").awaitScreen("> hel");

                bob.send("PRIVMSG #general :one");
                bob.send("PRIVMSG #general :two");
                bob.send("PRIVMSG #general :three");
                String screen = alice.awaitScreen("[general] [bob]: three");
                assertThat(screen).contains("[general] [bob]: one", "[general] [bob]: two");

                alice.type("lo world\r");
                bob.expect(Lines.privmsgFrom("alice", "#general", "hello world"));
                String after = alice.awaitScreen("[general] [alice]: hello world");
                int lastIncoming = after.lastIndexOf("[bob]: three");
                assertThat(after.indexOf("> hel", lastIncoming)).as("the partial input is redrawn below the message")
                        .isGreaterThan(lastIncoming);
            }
        }
    }

    @Test
    void aTakenNickOffersAnotherAndTheUserMayChooseTheirOwn() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient first = server.user("alice");
            first.join("#general");
            try (TerminalSession second = new TerminalSession(options(server, "alice"), NO_COLOR)) {
                second.awaitScreen("Nickname [alice_]: ");
                second.type("alicia\r").awaitScreen("[general] You joined");
                first.expect(Lines.joinOf("alicia", "#general"));
            }
        }
    }

    @Test
    void coloursAreUsedOnAColourTerminalUnlessNoColorIsSet() {
        try (TestServer server = TestServer.start()) {
            try (TerminalSession coloured = new TerminalSession(options(server, "alice"), Map.of())) {
                coloured.type("/frobnicate\r");
                String screen = coloured.awaitScreen("Unknown command /frobnicate");
                int at = screen.indexOf("Unknown command /frobnicate");
                String lineStart = screen.substring(screen.lastIndexOf('\n', at) + 1, at);
                assertThat(lineStart).as("an SGR colour sequence right before the error").containsPattern("\u001b\\[[0-9;]*m$");
            }
        }
    }
}
