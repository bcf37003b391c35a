package dev.parley.server.it.web;

import static dev.parley.server.it.web.BrowserClientIT.server;
import static dev.parley.server.it.web.BrowserClientIT.url;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.it.TestServer;
import dev.parley.testkit.Lines;
import dev.parley.testkit.RawIrcClient;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The message field as a chat user expects it (Enter sends, Shift+Enter a new line, Tab completes,
 * Up recalls), and desktop notifications turned on by the user, never on load.
 */
class KeyboardAndNotificationsIT {

    /** The notifications the page has shown, as "title: body". */
    private static List<String> shown(Browser browser) {
        return ((List<?>) browser.script("return window.shown"))
                .stream().map(String::valueOf).toList();
    }

    @Test
    void shiftEnterTabAndUpWorkInTheMessageField() {
        try (TestServer server = server();
                Browser alice = Browser.open(1280, 800)) {
            RawIrcClient bob = server.user("bob");
            bob.join("#general");
            try {
                alice.logIn(url(server), "alice", "chat@123", "#general");
                bob.expect(Lines.joinOf("alice", "#general"));
                alice.awaitText("#member-list li", "bob");
                WebElement input = alice.find("#message-input");

                input.sendKeys("first line", Keys.chord(Keys.SHIFT, Keys.ENTER), "second line");
                assertThat(input.getAttribute("value")).isEqualTo("first line\nsecond line");
                input.sendKeys(Keys.ENTER);
                bob.expect(Lines.privmsgFrom("alice", "#general", "first line"));
                bob.expect(Lines.privmsgFrom("alice", "#general", "second line"));
                alice.await(d -> input.getAttribute("value").isEmpty());

                input.sendKeys("bo", Keys.TAB);
                assertThat(input.getAttribute("value")).isEqualTo("bob: ");
                input.sendKeys("look", Keys.ENTER);
                bob.expect(Lines.privmsgFrom("alice", "#general", "bob: look"));
                alice.await(d -> input.getAttribute("value").isEmpty());

                input.sendKeys("/who", Keys.TAB);
                assertThat(input.getAttribute("value")).isEqualTo("/whois ");
                input.clear();

                input.sendKeys(Keys.ARROW_UP);
                assertThat(input.getAttribute("value")).isEqualTo("bob: look");
                input.sendKeys(Keys.ARROW_UP);
                assertThat(input.getAttribute("value")).isEqualTo("first line\nsecond line");
                input.sendKeys(Keys.ARROW_DOWN);
                assertThat(input.getAttribute("value")).isEqualTo("bob: look");
                input.sendKeys(Keys.ARROW_DOWN);
                assertThat(input.getAttribute("value"))
                        .as("back to the empty draft")
                        .isEmpty();
            } finally {
                alice.screenshot("keyboard");
            }
        }
    }

    @Test
    void notificationsAreOnlyShownAfterTheUserTurnsThemOn() {
        try (TestServer server = server();
                Browser alice = Browser.open(1280, 800)) {
            RawIrcClient bob = server.user("bob");
            bob.join("#general");
            bob.join("#side");
            try {
                alice.logIn(url(server), "alice", "chat@123", "#general");
                bob.expect(Lines.joinOf("alice", "#general"));
                alice.awaitText("#member-list li", "bob");
                assertThat(alice.script("return Notification.permission"))
                        .as("never asked on load")
                        .isEqualTo("default");
                // Observe the real Notification API: each one shown is also recorded for the test.
                alice.script("const Real = window.Notification; window.shown = [];"
                        + " window.Notification = class extends Real {"
                        + " constructor(title, options) { super(title, options);"
                        + " window.shown.push(title + ': ' + options.body); } };");
                bob.send("PRIVMSG alice :before they were on");
                alice.awaitText("#dm-list li", "bob");
                assertThat(shown(alice)).isEmpty();

                alice.allowNotifications();
                alice.find("#notify-toggle").click();
                alice.awaitText("#notify-toggle", "Turn notifications off");
                bob.send("PRIVMSG alice :are you there?");
                bob.send("PRIVMSG #general :alice: standup in 5");
                bob.send("PRIVMSG #general :nobody named here");
                alice.awaitText("#feed li", "nobody named here");
                alice.await(d -> shown(alice).size() == 1);
                assertThat(shown(alice))
                        .as("the DM, not the mention in the room being read, nor the plain line")
                        .containsExactly("bob: are you there?");
                alice.awaitText("#room-list button", "#general");
                alice.say("/join #side");
                alice.await(d -> alice.find("#conversation-title").getText().equals("#side"));
                bob.send("PRIVMSG #general :alice: now you are elsewhere");
                alice.await(d -> shown(alice).size() == 2);
                assertThat(shown(alice)).contains("bob in #general: alice: now you are elsewhere");
            } finally {
                alice.screenshot("notifications");
            }
        }
    }
}
