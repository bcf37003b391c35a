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
            ClientOptions nothingGiven = ClientOptions.defaults()
                    .withServer("127.0.0.1", server.address().getPort());
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
                assertThat(after.indexOf("> hel", lastIncoming))
                        .as("the partial input is redrawn below the message")
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
                assertThat(lineStart)
                        .as("an SGR colour sequence right before the error")
                        .containsPattern("\u001b\\[[0-9;]*m$");
            }
        }
    }

    @Test
    void thePromptNamesTheRoomLinesGoToAfterJoinPartAndKick() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient admin = server.admin();
            admin.join("#dev");
            try (TerminalSession alice = new TerminalSession(options(server, "alice"), NO_COLOR)) {
                alice.awaitScreen("/help lists the commands");
                alice.awaitInputRow("[general] >");

                alice.type("/join dev\r").awaitScreen("[dev] You joined");
                alice.awaitInputRow("[dev] >");
                alice.type("here in dev\r");
                admin.expect(Lines.privmsgFrom("alice", "#dev", "here in dev"));

                alice.type("/part dev\r").awaitScreen("[dev] You left");
                alice.awaitInputRow("[general] >");

                alice.type("/join dev\r");
                admin.expect(Lines.joinOf("alice", "#dev"));
                alice.awaitInputRow("[dev] >");
                alice.type("/part general\r").awaitScreen("[general] You left");
                admin.send("KICK #dev alice :out");
                alice.awaitScreen("You were kicked by admin");
                alice.awaitInputRow(">");
            }
        }
    }

    @Test
    void ownLinesShowOnceNotAlsoAsTheTypedInput() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient bob = server.user("bob");
            bob.join("#general");
            try (TerminalSession alice = new TerminalSession(options(server, "alice"), NO_COLOR)) {
                alice.awaitScreen("/help lists the commands");
                bob.expect(Lines.joinOf("alice", "#general"));
                alice.type("just once please\r");
                bob.expect(Lines.privmsgFrom("alice", "#general", "just once please"));
                alice.awaitScreen("[general] [alice]: just once please");
                alice.awaitInputRow("[general] >");
                assertThat(alice.visibleRows())
                        .filteredOn(row -> row.contains("just once please"))
                        .containsExactly("[general] [alice]: just once please");
            }
        }
    }

    @Test
    void aWrongPasswordIsSaidOnceAndAskedForAgain() {
        try (TestServer server = TestServer.start()) {
            ClientOptions nothingGiven = ClientOptions.defaults()
                    .withServer("127.0.0.1", server.address().getPort());
            try (TerminalSession alice = new TerminalSession(nothingGiven, NO_COLOR)) {
                alice.awaitScreen("Nickname: ");
                alice.type("alice\r").awaitScreen("Password: ");
                alice.type("guess\r").awaitScreen("Wrong password");
                alice.awaitInputRow("Password:");
                alice.type("chat@123\r").awaitScreen("Room ID [general]: ");
                // before the join, which shows the room's window in place of the status window
                assertThat(alice.visibleRows())
                        .filteredOn(
                                row -> row.toLowerCase(java.util.Locale.ROOT).contains("password"))
                        .as("one line saying the password was wrong, besides the prompts")
                        .hasSize(3);
                alice.type("\r").awaitScreen("[general] You joined");
            }
        }
    }

    @Test
    void aBannedUserHearsItOnceBeforeBeingAskedForARoom() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient admin = server.admin();
            admin.send("BAN mallory flooding");
            admin.expect(Lines.command("NOTICE"));
            ClientOptions nothingGiven = ClientOptions.defaults()
                    .withServer("127.0.0.1", server.address().getPort());
            try (TerminalSession mallory = new TerminalSession(nothingGiven, NO_COLOR)) {
                mallory.awaitScreen("Nickname: ");
                mallory.type("mallory\r").awaitScreen("Password: ");
                mallory.type("chat@123\r");
                assertThat(mallory.awaitExit()).isEqualTo(ExitCode.FAILED);
                mallory.awaitScreen("banned");
                assertThat(mallory.visibleRows())
                        .as(mallory.screen())
                        .filteredOn(row -> row.contains("banned"))
                        .containsExactly("You are banned from this server: flooding");
                assertThat(mallory.screen()).doesNotContain("Room ID");
            }
        }
    }
}
