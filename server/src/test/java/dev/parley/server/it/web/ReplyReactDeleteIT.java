package dev.parley.server.it.web;

import static dev.parley.server.it.web.BrowserClientIT.server;
import static dev.parley.server.it.web.BrowserClientIT.url;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.protocol.IrcMessage;
import dev.parley.server.it.TestServer;
import dev.parley.testkit.Lines;
import dev.parley.testkit.RawIrcClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * Replies (+draft/reply) and reactions (+draft/react) shown in place, live and from history (a new
 * session replays them through draft/event-playback), and deleting through REDACT.
 */
class ReplyReactDeleteIT {

    private static final String[] CAPS = {"message-tags", "server-time", "echo-message", "draft/message-redaction"};

    @Test
    void repliesAndReactionsShowInPlaceAndTravelBothWays() {
        try (TestServer server = server();
                Browser alice = Browser.open(1280, 800)) {
            RawIrcClient bob = server.connect();
            bob.registerWithCaps("bob", "chat@123", CAPS);
            bob.join("#general");
            try {
                alice.logIn(url(server), "alice", "chat@123", "#general");
                bob.expect(Lines.joinOf("alice", "#general"));
                alice.say("who has the release notes?");
                String question = bob.expect(Lines.privmsgFrom("alice", "#general", "who has the release notes?"))
                        .tag("msgid");
                bob.send("@+draft/reply=" + question + " PRIVMSG #general :I do, sending them now");
                bob.send("@+draft/react=👍;+draft/reply=" + question + " TAGMSG #general");
                WebElement reply = alice.awaitText("#feed li", "sending them now");
                assertThat(reply.findElement(By.cssSelector(".quote")).getText())
                        .isEqualTo("↪ alice who has the release notes?");
                alice.await(d -> alice.awaitText("#feed li", "who has the release notes?")
                        .findElement(By.cssSelector(".reaction"))
                        .getText()
                        .equals("👍 1"));

                String answer = bob.expect(Lines.privmsgFrom("bob", "#general", "I do, sending them now"))
                        .tag("msgid");
                action(alice, "sending them now", "Reply to bob");
                alice.awaitText("#reply-bar", "Replying to bob: I do, sending them now");
                alice.say("thanks!");
                IrcMessage thanks = bob.expect(Lines.privmsgFrom("alice", "#general", "thanks!"));
                assertThat(thanks.tag("+draft/reply")).isEqualTo(answer);
                assertThat(alice.find("#reply-bar").isDisplayed()).isFalse();
                alice.awaitText("#feed li", "thanks!");
                assertThat(alice.awaitText("#feed li", "thanks!")
                                .findElement(By.cssSelector(".quote"))
                                .getText())
                        .contains("I do, sending them now");

                action(alice, "sending them now", "React to bob's message");
                alice.find("button[aria-label='React with 🎉']").click();
                IrcMessage reaction = bob.expect(
                        m -> m.command().equals("TAGMSG") && m.tags().containsKey("+draft/react"), "a reaction");
                assertThat(reaction.tag("+draft/react")).isEqualTo("🎉");
                assertThat(reaction.tag("+draft/reply")).isEqualTo(answer);
                alice.await(d -> alice.awaitText("#feed li", "sending them now")
                        .findElement(By.cssSelector(".reaction.mine"))
                        .getText()
                        .equals("🎉 1"));
            } finally {
                alice.screenshot("reply-and-reaction");
            }
            awaitKept(server, "🎉");
            try (Browser carol = Browser.open(1280, 800)) {
                try {
                    carol.logIn(url(server), "carol", "chat@123", "#general");
                    assertThat(reactionUnder(carol, "who has the release notes?"))
                            .isEqualTo("👍 1");
                    assertThat(reactionUnder(carol, "sending them now")).isEqualTo("🎉 1");
                    assertThat(carol.awaitText("#feed li", "thanks!")
                                    .findElement(By.cssSelector(".quote"))
                                    .getText())
                            .contains("I do, sending them now");
                } finally {
                    carol.screenshot("reactions-from-history");
                }
            }
        }
    }

    /** The reaction row under a message, once the page shows one. */
    private static String reactionUnder(Browser browser, String message) {
        return browser.await(d -> browser.awaitText("#feed li", message)
                .findElement(By.cssSelector(".reaction"))
                .getText());
    }

    /** Waits until #general's history, read with draft/event-playback, holds the reaction {@code emoji}. */
    private static void awaitKept(TestServer server, String emoji) {
        RawIrcClient reader = server.connect();
        reader.registerWithCaps(
                "reader",
                "chat@123",
                "batch",
                "server-time",
                "message-tags",
                "draft/chathistory",
                "draft/event-playback");
        reader.join("#general");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            reader.send("CHATHISTORY LATEST #general * 50");
            List<IrcMessage> page = reader.collectUntil(Lines.described(
                    "the end of the history batch",
                    m -> m.verb().equals("BATCH") && m.param(0).startsWith("-")));
            assertThat(page).anyMatch(m -> m.verb().equals("TAGMSG") && emoji.equals(m.tag("+draft/react")));
        });
        reader.close();
    }

    @Test
    void ownMessagesCanBeDeletedAndDeletionsDisappearForEveryone() {
        try (TestServer server = server();
                Browser alice = Browser.open(1280, 800)) {
            RawIrcClient bob = server.connect();
            bob.registerWithCaps("bob", "chat@123", CAPS);
            bob.join("#general");
            try {
                alice.logIn(url(server), "alice", "chat@123", "#general");
                bob.expect(Lines.joinOf("alice", "#general"));
                alice.say("oops, wrong room");
                String oops = bob.expect(Lines.privmsgFrom("alice", "#general", "oops, wrong room"))
                        .tag("msgid");
                bob.send("PRIVMSG #general :a line bob regrets");
                String regret = bob.expect(Lines.privmsgFrom("bob", "#general", "a line bob regrets"))
                        .tag("msgid");
                alice.awaitText("#feed li", "a line bob regrets");
                assertThat(actions(alice, "a line bob regrets"))
                        .as("no Delete on someone else's message")
                        .doesNotContain("Delete");

                action(alice, "oops, wrong room", "Delete this message");
                IrcMessage redact = bob.expect(Lines.command("REDACT"));
                assertThat(redact.params()).startsWith("#general", oops);
                alice.await(d -> !alice.feed().contains("oops, wrong room"));

                bob.send("REDACT #general " + regret);
                alice.await(d -> !alice.feed().contains("a line bob regrets"));
            } finally {
                alice.screenshot("deleted");
            }
        }
    }

    /** Hovers the message (its actions show on hover) and presses the action with this label. */
    private static void action(Browser browser, String message, String label) {
        browser.await(d -> {
            WebElement line = browser.awaitText("#feed li", message);
            new Actions(d).moveToElement(line).perform();
            line.findElement(By.cssSelector("button[aria-label=\"" + label + "\"]"))
                    .click();
            return true;
        });
    }

    private static String actions(Browser browser, String message) {
        return browser.await(d -> {
            WebElement line = browser.awaitText("#feed li", message);
            new Actions(d).moveToElement(line).perform();
            return line.findElement(By.cssSelector(".actions")).getText();
        });
    }
}
