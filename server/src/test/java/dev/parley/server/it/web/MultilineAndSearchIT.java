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
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * draft/multiline and soju.im/search in the browser: a pasted block is one message for browsers (live
 * and from history) and separate lines for a client without the capability; the search box finds
 * messages and opens one in its context, highlighted.
 */
class MultilineAndSearchIT {

    /** The feed's messages (not events, not day lines) whose text contains {@code text}. */
    private static List<String> messagesWith(Browser browser, String text) {
        return browser.findAll("#feed li[data-msgid] .text").stream()
                .map(WebElement::getText)
                .filter(t -> t.contains(text))
                .toList();
    }

    @Test
    void aThreeLineMessageIsOneMessageInTheBrowserAndThreeLinesForOthers() {
        try (TestServer server = server();
                Browser alice = Browser.open(1280, 800);
                Browser carol = Browser.open(1280, 800)) {
            RawIrcClient bob = server.user("bob");
            bob.join("#general");
            try {
                alice.logIn(url(server), "alice", "chat@123", "#general");
                carol.logIn(url(server), "carol", "chat@123", "#general");
                bob.expect(Lines.joinOf("alice", "#general"));
                bob.expect(Lines.joinOf("carol", "#general"));
                alice.awaitText("#member-list li", "carol");

                WebElement input = alice.find("#message-input");
                input.sendKeys(
                        "first line of the paste",
                        Keys.chord(Keys.SHIFT, Keys.ENTER),
                        "  second line, indented",
                        Keys.chord(Keys.SHIFT, Keys.ENTER),
                        "third line");
                input.sendKeys(Keys.ENTER);

                bob.expect(Lines.privmsgFrom("alice", "#general", "first line of the paste"));
                bob.expect(Lines.privmsgFrom("alice", "#general", "  second line, indented"));
                bob.expect(Lines.privmsgFrom("alice", "#general", "third line"));

                String whole = "first line of the paste\n  second line, indented\nthird line";
                carol.await(d -> messagesWith(carol, "third line").size() == 1);
                assertThat(messagesWith(carol, "second line"))
                        .as("one message holding the three lines")
                        .containsExactly(whole);
                alice.await(d -> messagesWith(alice, "third line").size() == 1);
                assertThat(messagesWith(alice, "first line")).containsExactly(whole);

                // A line longer than IRC allows: one message for the browser, cut between words.
                String text = IntStream.range(0, 120).mapToObj(i -> "word" + i).collect(Collectors.joining(" "));
                alice.say(text);
                List<String> parts = new ArrayList<>();
                while (String.join(" ", parts).length() < text.length()) {
                    IrcMessage line = bob.expect(Lines.command("PRIVMSG"));
                    parts.add(line.lastParam().strip());
                }
                assertThat(parts).hasSizeGreaterThan(1);
                assertThat(String.join(" ", parts)).isEqualTo(text);
                carol.await(d -> messagesWith(carol, "word119").size() == 1);
                assertThat(messagesWith(carol, "word0 ")).containsExactly(text);

                // From history: still one message.
                carol.logIn(url(server), "carol", "chat@123", "#general");
                carol.await(d -> messagesWith(carol, "third line").size() == 1);
                assertThat(messagesWith(carol, "second line")).containsExactly(whole);
                carol.await(d -> messagesWith(carol, "word119").size() == 1);
                assertThat(messagesWith(carol, "word0 ")).containsExactly(text);
            } finally {
                carol.screenshot("multiline-message");
            }
        }
    }

    @Test
    void searchFindsMessagesAndOpensOneInContext() {
        try (TestServer server = server();
                Browser alice = Browser.open(1280, 800)) {
            RawIrcClient bob = server.user("bob");
            bob.join("#general");
            bob.join("#ops");
            for (int i = 0; i < 80; i++) {
                bob.send("PRIVMSG #general :filler " + i);
                if (i == 10) {
                    bob.send("PRIVMSG #general :the deploy of release 42 went fine");
                }
            }
            bob.send("PRIVMSG #ops :deploy of release 43 is stuck");
            bob.send("PING done");
            bob.expectCommand("PONG");
            try {
                alice.logIn(url(server), "alice", "chat@123", "#ops");
                alice.awaitText("#feed li", "deploy of release 43 is stuck");
                alice.say("/join #general");
                alice.awaitText("#feed li", "filler 79");
                assertThat(alice.feed()).doesNotContain("release 42");

                alice.find("#search-open").click();
                alice.await(d -> alice.find("#search-dialog").isDisplayed());
                alice.find("#search-input").sendKeys("deploy release", Keys.ENTER);
                alice.awaitText("#search-state", "2 messages found");
                List<String> results = alice.findAll("#search-results li").stream()
                        .map(WebElement::getText)
                        .toList();
                assertThat(results).hasSize(2);
                assertThat(results.get(0)).contains("#ops", "bob", "deploy of release 43 is stuck");
                assertThat(results.get(1)).contains("#general", "bob", "the deploy of release 42 went fine");

                alice.find("#search-here").click();
                alice.find("#search-button").click();
                alice.awaitText("#search-state", "1 message found");
                assertThat(alice.find("#search-results").getText())
                        .contains("release 42")
                        .doesNotContain("release 43");
                alice.screenshot("search");

                alice.find("#search-results li button").click();
                WebElement found = alice.awaitText("#feed li.highlight", "the deploy of release 42 went fine");
                alice.awaitText("#feed li", "filler 9");
                assertThat(alice.find("#conversation-title").getText()).isEqualTo("#general");
                assertThat(alice.script(
                                "const r = arguments[0].getBoundingClientRect();"
                                        + " const f = document.getElementById('feed').getBoundingClientRect();"
                                        + " return r.top >= f.top && r.bottom <= f.bottom;",
                                found))
                        .as("the result is scrolled into view")
                        .isEqualTo(true);
                alice.screenshot("search-context");

                alice.say("/search stuck");
                alice.awaitText("#search-state", "1 message found");
                assertThat(alice.find("#search-results").getText()).contains("#ops", "release 43 is stuck");
                alice.find("#search-results li button").click();
                alice.awaitText("#feed li.highlight", "deploy of release 43 is stuck");
                assertThat(alice.find("#conversation-title").getText()).isEqualTo("#ops");

                // Ctrl+K opens the box from anywhere in the chat (pressed as a user does: keys down, then up).
                new Actions(alice.driver())
                        .keyDown(Keys.CONTROL)
                        .sendKeys("k")
                        .keyUp(Keys.CONTROL)
                        .perform();
                alice.await(d -> alice.find("#search-dialog").isDisplayed());
                assertThat(alice.script("return document.activeElement.id")).isEqualTo("search-input");
            } finally {
                alice.screenshot("search-end");
            }
        }
    }
}
