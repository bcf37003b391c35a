package dev.parley.client;

import static dev.parley.client.ScriptModeIT.options;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.it.ChatHistory;
import dev.parley.server.it.TestServer;
import dev.parley.testkit.Lines;
import dev.parley.testkit.RawIrcClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** irssi-style windows in the real terminal UI: the status line, activity, mentions, the window keys. */
class WindowsIT {

    private static final Map<String, String> NO_COLOR = Map.of("NO_COLOR", "1");
    private static final String ALT = "\u001b";
    private static final String CTRL_N = "\u000e";
    private static final String CTRL_P = "\u0010";
    private static final String PAGE_UP = "\u001b[5~";
    private static final String PAGE_DOWN = "\u001b[6~";

    @Test
    void otherWindowsCountTheirMessagesAndAltNumberShowsThem() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient bob = server.user("bob");
            bob.join("#general");
            bob.join("#dev");
            try (TerminalSession alice = new TerminalSession(options(server, "alice"), NO_COLOR)) {
                alice.awaitScreen("/help lists the commands");
                alice.type("/join dev\r");
                alice.awaitInputRow("[dev] >");
                bob.expect(Lines.joinOf("alice", "#dev"));

                bob.send("PRIVMSG #general :anyone for lunch?");
                bob.send("PRIVMSG #general :alice, you in?");
                alice.awaitVisible(
                        "the activity list", rows -> statusRow(rows).equals("[alice] [3:dev] [Act: 2:general(2!)]"));
                assertThat(alice.screen()).as("a mention rings the bell").contains("\u0007");
                assertThat(alice.visibleRows()).noneMatch(row -> row.contains("lunch"));

                alice.type(ALT + "2");
                List<String> general =
                        alice.awaitVisible("window 2", rows -> rows.contains("[general] [bob]: alice, you in?"));
                assertThat(general).contains("[general] [bob]: anyone for lunch?");
                assertThat(statusRow(general)).isEqualTo("[alice] [2:general]");
                alice.awaitInputRow("[general] >");
                alice.type("sure\r");
                bob.expect(Lines.privmsgFrom("alice", "#general", "sure"));

                alice.type(CTRL_N);
                alice.awaitInputRow("[dev] >");
                alice.type(CTRL_N);
                alice.awaitInputRow(">");
                alice.type(CTRL_P + CTRL_P);
                alice.awaitInputRow("[general] >");
            }
        }
    }

    @Test
    void aPrivateMessageOpensAWindowWhereTextGoesBackToTheSender() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient bob = server.user("bob");
            try (TerminalSession alice = new TerminalSession(options(server, "alice"), NO_COLOR)) {
                alice.awaitScreen("/help lists the commands");
                alice.awaitInputRow("[general] >");
                bob.send("PRIVMSG alice :psst");
                alice.awaitVisible(
                        "the new window", rows -> statusRow(rows).equals("[alice] [2:general] [Act: 3:bob(1!)]"));

                alice.type("/win 3\r");
                alice.awaitInputRow("[DM bob] >");
                alice.awaitVisible("bob's line", rows -> rows.contains("[DM] [bob]: psst"));
                alice.type("hi bob\r");
                bob.expect(Lines.privmsgFrom("alice", "bob", "hi bob"));

                alice.type("/query carol\r");
                alice.awaitInputRow("[DM carol] >");
                alice.type("/win\r");
                alice.awaitScreen("Windows: 1:status, 2:general, 3:bob, 4:carol (current)");
                alice.type("/close\r");
                alice.awaitInputRow("[DM bob] >");
            }
        }
    }

    @Test
    void joiningARoomShowsWhatWasSaidBeforeMarkedAsHistory() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient bob = server.user("bob");
            bob.join("#general");
            bob.send("PRIVMSG #general :said before you came");
            SlashCommandsIT.awaitStored(bob, "(1 message)");
            try (TerminalSession alice = new TerminalSession(options(server, "alice"), NO_COLOR)) {
                List<String> rows = alice.awaitVisible("the history", r -> r.contains("[general] End of history"));
                assertThat(rows)
                        .contains("[general] History (1 message)")
                        .anyMatch(row -> row.matches(
                                "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d \\[general\\] \\[bob\\]: said before you came"));
            }
        }
    }

    @Test
    void theServersRoomsAreListedInWords() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient bob = server.user("bob");
            bob.join("#dev");
            try (TerminalSession alice = new TerminalSession(options(server, "alice"), NO_COLOR)) {
                alice.awaitScreen("/help lists the commands");
                alice.type("/list\r");
                List<String> rows = alice.awaitVisible("the list", r -> r.contains("* End of the room list"));
                assertThat(rows).contains("* dev (1 person)", "* general (1 person)");
            }
        }
    }

    @Test
    void nicksHaveTheirOwnColourAndAMentionIsHighlighted() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient bob = server.user("bob");
            bob.join("#general");
            try (TerminalSession alice = new TerminalSession(options(server, "alice"), Map.of())) {
                alice.awaitScreen("/help lists the commands");
                bob.send("PRIVMSG #general :plain words");
                bob.send("PRIVMSG #general :alice: look");
                String screen = alice.awaitScreen("look");
                assertThat(screen)
                        .as("an SGR sequence just before bob's nick and another just after it")
                        .containsPattern("\\[(\u001b\\[[0-9;]*m)+bob\u001b\\[[0-9;]*m");
                String mention = screen.substring(screen.lastIndexOf('\n', screen.indexOf("alice: look")));
                assertThat(mention).as("the mention's line is bold yellow").containsPattern("\u001b\\[[0-9;]*33");
                assertThat(screen).contains("\u0007");
            }
        }
    }

    @Test
    void pageUpShowsEarlierLinesAndPageDownTheLatest() {
        try (TestServer server = TestServer.start(ChatHistory::withoutFloodControl)) {
            RawIrcClient bob = server.user("bob");
            bob.join("#general");
            try (TerminalSession alice = new TerminalSession(options(server, "alice"), NO_COLOR)) {
                alice.awaitScreen("/help lists the commands");
                for (int i = 1; i <= 60; i++) {
                    bob.send("PRIVMSG #general :line " + i);
                }
                alice.awaitVisible("the last line", rows -> rows.contains("[general] [bob]: line 60"));

                alice.type(PAGE_UP);
                int half = (TerminalSession.HEIGHT - 2) / 2;
                List<String> paged = alice.awaitVisible(
                        "the window paged up", rows -> statusRow(rows).endsWith("[more: " + half + "]"));
                assertThat(paged)
                        .contains("[general] [bob]: line " + (60 - half))
                        .doesNotContain("[general] [bob]: line 60");

                alice.type(PAGE_DOWN);
                alice.awaitVisible(
                        "the latest lines again",
                        rows -> rows.contains("[general] [bob]: line 60")
                                && !statusRow(rows).contains("more"));
            }
        }
    }

    /** The row above the input row. */
    private static String statusRow(List<String> rows) {
        for (int i = rows.size() - 1; i > 0; i--) {
            if (!rows.get(i).isBlank()) {
                return rows.get(i - 1);
            }
        }
        return "";
    }
}
