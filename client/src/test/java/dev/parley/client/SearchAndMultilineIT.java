package dev.parley.client;

import static dev.parley.client.ScriptModeIT.options;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.config.HistoryConfig;
import dev.parley.server.config.ParleyConfig;
import dev.parley.server.it.TestServer;
import dev.parley.testkit.Lines;
import dev.parley.testkit.RawIrcClient;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The terminal client against a started server: /search over {@code soju.im/search}, and
 * {@code draft/multiline} messages shown as one, live and in the history replayed on join.
 */
class SearchAndMultilineIT {

    private static final String DATE_TIME = "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d";
    private static final String[] MULTILINE = {"batch", "draft/multiline", "message-tags", "server-time"};

    @Test
    void searchShowsWhatTheSearcherMayReadAndSaysWhyWhenRefused() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient bob = server.user("bob");
            bob.join("#general");
            bob.join("#secret");
            try (ScriptedClient alice = ScriptedClient.start(options(server, "alice"))) {
                alice.awaitOutput("[general] You joined");
                bob.send("PRIVMSG #general :the deploy is done");
                bob.send("PRIVMSG #general :lunch at noon");
                bob.send("PRIVMSG #secret :deploy the secret plans");
                bob.send("PRIVMSG alice :deploy again tomorrow?");
                alice.awaitOutput("[DM] [bob]: deploy again tomorrow?");
                awaitStored(bob, "#general", "(2 messages)");
                awaitStored(bob, "#secret", "(1 message)");
                awaitStored(bob, "alice", "(1 message)");

                int before = alice.output().length();
                alice.type("/search deploy");
                String out = alice.awaitOutput("results for deploy").substring(before);
                assertThat(out)
                        .contains("2 results for deploy")
                        .containsPattern("\\[#general " + DATE_TIME + "\\] <bob> the deploy is done")
                        .containsPattern("\\[bob " + DATE_TIME + "\\] <bob> deploy again tomorrow\\?")
                        .doesNotContain("secret plans")
                        .doesNotContain("lunch");

                alice.type("/search deploy in general");
                alice.awaitOutput("1 result for deploy");

                alice.type("/search zebra crossing");
                alice.awaitOutput("No results for zebra crossing");

                alice.type("/search deploy in #secret");
                alice.awaitOutput("Search for deploy failed: You cannot read the history of #secret");

                alice.type("/search");
                alice.awaitOutput("Usage: /search words [in #room|nick] [from nick]");

                alice.type("/help");
                alice.awaitOutput("search messages in your rooms and conversations");
                assertThat(alice.output()).doesNotContain("secret plans");
            }
        }
    }

    @Test
    void aServerThatKeepsNoHistoryOffersNoSearchAndNothingIsSent() {
        try (TestServer server = TestServer.start(SearchAndMultilineIT::withoutHistory)) {
            try (ScriptedClient alice = ScriptedClient.start(options(server, "alice"))) {
                alice.awaitOutput("[general] You joined");
                alice.type("/search deploy");
                alice.awaitOutput("This server offers no search (it keeps no history) — nothing was sent");
                alice.type("/quit");
                assertThat(alice.awaitExit()).isZero();
                assertThat(alice.output()).doesNotContain("results for").doesNotContain("Unknown command");
            }
        }
    }

    private static ParleyConfig withoutHistory(ParleyConfig config) {
        HistoryConfig h = config.history();
        return config.withHistory(new HistoryConfig(
                false,
                h.flushInterval(),
                h.batchSize(),
                h.queueCapacity(),
                h.maxPageSize(),
                h.defaultPageSize(),
                h.durability(),
                h.spillMaxBytes(),
                h.retentionMaxAge(),
                h.retentionMaxMessages(),
                h.retentionInterval(),
                h.commitTimeout(),
                h.search()));
    }

    @Test
    void aMultiLineMessageIsOneMessageLiveAndInTheHistoryShownOnJoin() {
        try (TestServer server = TestServer.start()) {
            RawIrcClient bob = server.connect();
            bob.registerWithCaps("bob", "chat@123", MULTILINE);
            bob.join("#code");
            RawIrcClient carol = server.user("carol");
            carol.join("#code");
            paste(bob, "p1", "for x in xs:", "    print(x, ", "+end='')");
            awaitStored(carol, "#code", "(1 message)");
            try (TerminalSession alice = new TerminalSession(options(server, "alice"), Map.of("NO_COLOR", "1"))) {
                alice.awaitScreen("/help lists the commands");
                alice.type("/join code\r");
                List<String> rows = alice.awaitVisible("the history", r -> r.contains("[code] End of history"));
                int first = indexMatching(rows, DATE_TIME + " \\[code\\] \\[bob\\]: for x in xs:");
                String indent = " ".repeat(rows.get(first).indexOf("for x"));
                assertThat(rows.get(first + 1)).isEqualTo(indent + "    print(x, end='')");
                assertThat(rows).contains("[code] History (1 message)");

                paste(bob, "p2", "first line", "second line");
                rows = alice.awaitVisible(
                        "the live paste", r -> r.stream().anyMatch(row -> row.endsWith("second line")));
                int live = indexMatching(rows, "(\\d\\d:\\d\\d )?\\[code\\] \\[bob\\]: first line");
                assertThat(rows.get(live + 1).strip()).isEqualTo("second line");
                assertThat(rows.get(live + 1))
                        .startsWith(" ".repeat(rows.get(live).indexOf("first line")));
            }
        }
    }

    /** Sends a draft/multiline batch; a line starting with {@code +} continues the one before. */
    private static void paste(RawIrcClient from, String ref, String... lines) {
        from.send("BATCH +" + ref + " draft/multiline #code");
        for (String line : lines) {
            from.send(
                    line.startsWith("+")
                            ? "@batch=" + ref + ";draft/multiline-concat PRIVMSG #code :" + line.substring(1)
                            : "@batch=" + ref + " PRIVMSG #code :" + line);
        }
        from.send("BATCH -" + ref);
    }

    private static int indexMatching(List<String> rows, String regex) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).matches(regex)) {
                return i;
            }
        }
        throw new AssertionError("no row matches " + regex + " in:\n" + String.join("\n", rows));
    }

    /** History is written in group commits: wait until plain HISTORY of {@code target} reports {@code count}. */
    private static void awaitStored(RawIrcClient reader, String target, String count) {
        Awaitility.await().atMost(ScriptedClient.WAIT).until(() -> {
            reader.send("HISTORY " + target + " 5");
            return reader.expect(Lines.described(
                            "end of history",
                            m -> m.command().equals("NOTICE") && m.lastParam().startsWith("End of history")))
                    .lastParam()
                    .contains(count);
        });
    }
}
