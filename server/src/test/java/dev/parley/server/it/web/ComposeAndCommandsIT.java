package dev.parley.server.it.web;

import static dev.parley.server.it.web.BrowserClientIT.server;
import static dev.parley.server.it.web.BrowserClientIT.url;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.IrcMessage;
import dev.parley.server.it.TestServer;
import dev.parley.testkit.Lines;
import dev.parley.testkit.RawIrcClient;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** What the user types: long text sent whole, the terminal client's commands, replies in sentences. */
class ComposeAndCommandsIT {

    @Test
    void longTextIsSentWholeInSeveralMessagesCutBetweenWords() {
        try (TestServer server = server();
                Browser alice = Browser.open(1280, 800)) {
            RawIrcClient bob = server.user("bob");
            bob.join("#general");
            String text = IntStream.range(0, 150).mapToObj(i -> "word" + i).collect(Collectors.joining(" "));
            try {
                alice.logIn(url(server), "alice", "chat@123", "#general");
                bob.expect(Lines.joinOf("alice", "#general"));
                alice.awaitText("#member-list li", "bob");
                alice.say(text);
                List<String> parts = new ArrayList<>();
                while (String.join(" ", parts).length() < text.length()) {
                    IrcMessage line = bob.expect(Lines.command("PRIVMSG"));
                    // With draft/multiline the space between two parts ends the first (as the spec recommends).
                    parts.add(line.lastParam().strip());
                }
                assertThat(parts).hasSizeGreaterThan(1);
                assertThat(String.join(" ", parts)).isEqualTo(text);
                assertThat(parts).allMatch(p -> p.startsWith("word") && p.matches(".*\\d"), "cut between words");
                alice.awaitText("#feed li", "word149");
            } finally {
                alice.screenshot("long-text");
            }
        }
    }

    @Test
    void usersHistoryTopicAndHelpWorkAsInTheTerminalClient() {
        try (TestServer server = server();
                Browser alice = Browser.open(1280, 800)) {
            RawIrcClient bob = server.user("bob");
            bob.join("#general");
            for (int i = 0; i < 8; i++) {
                bob.send("PRIVMSG #general :line " + i);
            }
            bob.send("PING done");
            bob.expectCommand("PONG");
            try {
                alice.logIn(url(server), "alice", "chat@123", "#general");
                alice.awaitText("#feed li", "line 7");

                alice.say("/users");
                alice.awaitText("#feed li", "Users (2): @bob alice");

                alice.say("/history 3");
                alice.awaitText("#feed li", "History (3 messages)");
                alice.awaitText("#feed li", "End of history");
                String feed = alice.feed();
                String block = feed.substring(feed.indexOf("History (3 messages)"), feed.indexOf("End of history"));
                assertThat(block).contains("line 5", "line 6", "line 7").doesNotContain("line 4");

                alice.say("/topic");
                alice.awaitText("#feed li", "No topic is set");
                bob.send("TOPIC #general :Lunch at noon");
                alice.awaitText("#feed li", "bob set the topic: Lunch at noon");
                alice.say("/topic");
                alice.awaitText("#feed li", "Topic: Lunch at noon");

                alice.say("/help");
                alice.awaitText("#feed li", "/history [nick|room] [n]");
                List<String> help = alice.findAll("#feed li.help").stream()
                        .map(e -> e.getText())
                        .toList();
                assertThat(help).as("one line per command").hasSizeGreaterThan(15);
                assertThat(String.join("\n", help))
                        .contains(
                                "/users",
                                "list the people in the room",
                                "show the last n messages of the room, or of your DMs with nick",
                                "/switch room",
                                "/rooms",
                                "/ban nick [reason]");
            } finally {
                alice.screenshot("commands");
            }
        }
    }

    @Test
    void aMessageToAnUnknownNickLeavesNoDeadConversation() {
        try (TestServer server = server();
                Browser alice = Browser.open(1280, 800)) {
            RawIrcClient bob = server.user("bob");
            bob.join("#general");
            try {
                alice.logIn(url(server), "alice", "chat@123", "#general");
                alice.awaitText("#member-list li", "bob");
                alice.say("/msg nobody are you there?");
                alice.awaitText("#feed li", "No one called nobody is online");
                assertThat(alice.findAll(".rooms li").stream().map(e -> e.getText()))
                        .noneMatch(t -> t.contains("nobody"));
                assertThat(alice.find("#conversation-title").getText()).isEqualTo("#general");
                alice.say("still here");
                bob.expect(Lines.privmsgFrom("alice", "#general", "still here"));
            } finally {
                alice.screenshot("msg-unknown-nick");
            }
        }
    }

    @Test
    void whoisAndRegisterAnswerInSentences() {
        try (TestServer server = server();
                Browser alice = Browser.open(1280, 800)) {
            RawIrcClient bob = server.user("bob");
            bob.join("#general");
            try {
                alice.logIn(url(server), "alice", "chat@123", "#general");
                alice.awaitText("#member-list li", "bob");
                alice.say("/whois bob");
                alice.awaitText("#feed li", "bob has been idle");
                alice.awaitText("#feed li", "bob is in #general (operator)");
                alice.say("/register a-long-secret");
                alice.awaitText("#feed li", "Your nickname alice is now a registered account");
                alice.say("/register another-secret");
                alice.awaitText("#feed li", "Could not register");
                String feed = alice.feed();
                assertThat(feed)
                        .doesNotContain(
                                "seconds idle, signon time",
                                "alice!",
                                "SUCCESS",
                                "End of /WHOIS",
                                "ALREADY_REGISTERED");
                assertThat(alice.findAll("#feed li .text").stream().map(e -> e.getText()))
                        .noneMatch(t -> t.matches(".*\\b\\d{9,}\\b.*"));
            } finally {
                alice.screenshot("whois-register");
            }
        }
    }
}
