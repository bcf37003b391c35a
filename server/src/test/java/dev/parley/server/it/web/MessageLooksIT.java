package dev.parley.server.it.web;

import static dev.parley.server.it.web.BrowserClientIT.url;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.config.HttpConfig;
import dev.parley.server.config.ListenAddress;
import dev.parley.server.it.ChatHistory;
import dev.parley.server.it.TestServer;
import dev.parley.testkit.Lines;
import dev.parley.testkit.RawIrcClient;
import java.time.Duration;
import java.time.Year;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** How messages look: safe links, the reader's nick marked, nick colours, days and full dates. */
class MessageLooksIT {

    @Test
    void linksAreSafeMentionsStandOutAndNickColoursAreTheSameEverywhere() {
        try (TestServer server = BrowserClientIT.server();
                Browser alice = Browser.open(1280, 800);
                Browser carol = Browser.open(1280, 800)) {
            RawIrcClient bob = server.user("bob");
            bob.join("#general");
            try {
                alice.logIn(url(server), "alice", "chat@123", "#general");
                carol.logIn(url(server), "carol", "chat@123", "#general");
                bob.expect(Lines.joinOf("alice", "#general"));
                bob.expect(Lines.joinOf("carol", "#general"));
                carol.say("morning all, the release is on Thursday");
                bob.send("PRIVMSG #general :morning carol");
                bob.send("PRIVMSG #general :\u0001ACTION brings coffee\u0001");
                carol.say("alice, can you check the changelog before then?");
                bob.send("PRIVMSG #general :the notes are at https://example.org/notes?page=2. Read them");
                bob.send("PRIVMSG #general :do not click javascript:alert(1) or data:text/html,hi");
                bob.send("PRIVMSG #general :Alice: can you review it? (malice is not you)");
                alice.awaitText("#feed li", "can you review it");

                List<WebElement> links = alice.findAll("#feed a");
                assertThat(links).hasSize(1);
                WebElement link = links.get(0);
                assertThat(link.getAttribute("href")).isEqualTo("https://example.org/notes?page=2");
                assertThat(link.getAttribute("rel")).contains("noopener");
                assertThat(link.getAttribute("target")).isEqualTo("_blank");
                assertThat(alice.awaitText("#feed li", "javascript:alert(1)").findElements(By.tagName("a")))
                        .as("only http and https become links")
                        .isEmpty();

                WebElement mention = alice.awaitText("#feed li", "can you review it");
                assertThat(mention.getAttribute("class")).contains("mention");
                assertThat(mention.findElements(By.tagName("mark")))
                        .extracting(WebElement::getText)
                        .containsExactly("Alice");
                assertThat(carol.awaitText("#feed li", "can you review it").getAttribute("class"))
                        .as("a mention of alice is no mention for carol")
                        .doesNotContain("mention");

                String bobInFeed = colourOf(alice.awaitText("#feed .who", "bob"));
                assertThat(colourOf(alice.awaitText("#member-list .nick", "bob")))
                        .isEqualTo(bobInFeed);
                assertThat(colourOf(carol.awaitText("#feed .who", "bob")))
                        .as("the same colour on another page")
                        .isEqualTo(bobInFeed);
                assertThat(colourOf(alice.awaitText("#member-list .nick", "alice")))
                        .as("another nick, another colour")
                        .isNotEqualTo(bobInFeed);
            } finally {
                alice.screenshot("busy-room-mentions-links");
            }
        }
    }

    @Test
    void daySeparatorsSplitTheDaysAndTimesShowTheFullDateOnHover() {
        ShiftedClock clock = new ShiftedClock();
        try (TestServer server = TestServer.start(
                        clock,
                        c -> ChatHistory.withoutFloodControl(c)
                                .withHttp(new HttpConfig(
                                        List.of(new ListenAddress("127.0.0.1", 0)), HttpConfig.Tls.OFF)));
                Browser alice = Browser.open(1280, 800)) {
            RawIrcClient bob = server.user("bob");
            bob.join("#general");
            clock.shift(Duration.ofDays(-3));
            bob.send("PRIVMSG #general :said three days ago");
            bob.send("PING sync");
            bob.expectCommand("PONG");
            clock.shift(Duration.ZERO);
            bob.send("PRIVMSG #general :said today");
            bob.send("PING sync");
            bob.expectCommand("PONG");
            try {
                alice.logIn(url(server), "alice", "chat@123", "#general");
                alice.awaitText("#feed li", "said today");
                List<String> items = alice.findAll("#feed li").stream()
                        .map(WebElement::getText)
                        .toList();
                int old = indexOf(items, "said three days ago");
                int today = indexOf(items, "Today");
                int now = indexOf(items, "said today");
                assertThat(old).isPositive();
                assertThat(items.get(old - 1))
                        .as("a separator naming the older day")
                        .contains(year());
                assertThat(today).isBetween(old + 1, now - 1);
                String title = alice.awaitText("#feed li", "said three days ago")
                        .findElement(By.tagName("time"))
                        .getAttribute("title");
                assertThat(title).as("the full date on hover").contains(year());
            } finally {
                alice.screenshot("day-separators");
            }
        }
    }

    private static String year() {
        return String.valueOf(Year.now().getValue());
    }

    private static int indexOf(List<String> items, String text) {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).contains(text)) {
                return i;
            }
        }
        return -1;
    }

    private static String colourOf(WebElement element) {
        return element.getCssValue("color");
    }
}
