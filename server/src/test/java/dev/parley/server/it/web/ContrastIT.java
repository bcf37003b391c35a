package dev.parley.server.it.web;

import static dev.parley.server.it.web.BrowserClientIT.server;
import static dev.parley.server.it.web.BrowserClientIT.url;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.it.TestServer;
import dev.parley.testkit.Lines;
import dev.parley.testkit.RawIrcClient;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * Every text on a button or badge, and every coloured text in the feed and member list, meets WCAG
 * AA (4.5:1) against the background it is drawn on, in both themes: the pairs are read from the
 * rendered page (getComputedStyle), walking up to the first ancestor with a background.
 */
class ContrastIT {

    private static final Pattern RGB = Pattern.compile("rgba?\\((\\d+), (\\d+), (\\d+)");
    /** What is checked: buttons and badges, nick colours, links, mentions, separators, muted text. */
    private static final String CHECKED = "button, .unread, .reaction, #feed .who, #member-list .nick, #feed a,"
            + " #feed mark, .away-tag, .new-line, .day, #feed time, .typing, .status, .hint, .quote";

    private static final String PAIRS = "const sel = arguments[0];"
            + " const background = e => { for (let p = e; p; p = p.parentElement) {"
            + "   const c = getComputedStyle(p).backgroundColor;"
            + "   if (c !== 'transparent' && !/rgba\\(.*, 0\\)$/.test(c)) return c; }"
            + "   return getComputedStyle(document.documentElement).backgroundColor; };"
            + " return [...document.querySelectorAll(sel)]"
            + "   .filter(e => e.getClientRects().length && getComputedStyle(e).visibility === 'visible'"
            + "     && e.textContent.trim())"
            + "   .map(e => [e.tagName.toLowerCase() + (e.className ? '.' + e.className : '') + ' \"'"
            + "     + e.textContent.trim().slice(0, 20) + '\"', getComputedStyle(e).color, background(e)]);";

    @Test
    void buttonsBadgesAndColouredTextAreReadableInTheLightTheme() {
        checkTheme(false, "contrast-light");
    }

    @Test
    void buttonsBadgesAndColouredTextAreReadableInTheDarkTheme() {
        checkTheme(true, "contrast-dark");
    }

    private static void checkTheme(boolean dark, String screenshot) {
        try (TestServer server = server();
                Browser alice = Browser.open(1280, 800)) {
            if (dark) {
                alice.preferDark();
            }
            RawIrcClient bob = server.connect();
            bob.registerWithCaps("bob", "chat@123", "message-tags", "echo-message");
            bob.join("#general");
            bob.join("#side");
            try {
                alice.open(url(server));
                assertReadable(alice, "login page");
                alice.logIn(url(server), "alice", "chat@123", "#side");
                bob.expect(Lines.joinOf("alice", "#side"));
                alice.say("/join #general");
                bob.expect(Lines.joinOf("alice", "#general"));
                alice.await(d -> alice.find("#conversation-title").getText().equals("#general"));
                alice.awaitText("#member-list li", "bob");
                bob.send("PRIVMSG #general :the notes: https://example.org/notes");
                String msgid = bob.expect(Lines.privmsgFrom("bob", "#general", "the notes: https://example.org/notes"))
                        .tag("msgid");
                bob.send("@+draft/react=👍;+draft/reply=" + msgid + " TAGMSG #general");
                bob.send("@+draft/reply=" + msgid + " PRIVMSG #general :alice: did you read them?");
                bob.send("PRIVMSG #side :alice: and here");
                bob.send("PRIVMSG alice :psst");
                bob.send("AWAY :lunch");
                bob.send("@+typing=active TAGMSG #general");
                alice.awaitText("#dm-list button", "bob").findElement(By.cssSelector(".unread"));
                alice.awaitText("#room-list button", "#side").findElement(By.cssSelector(".unread.mention"));
                alice.await(d -> alice.awaitText("#member-list li", "bob").findElement(By.cssSelector(".away-tag")));
                alice.awaitText("#feed .reaction", "👍");
                alice.awaitText("#typing", "bob is typing");
                WebElement line = alice.awaitText("#feed li", "the notes");
                new Actions(alice.driver()).moveToElement(line).perform();
                assertReadable(alice, "chat");
            } finally {
                alice.screenshot(screenshot);
            }
        }
    }

    /** Checks every pair on the page now; all failures are reported together. */
    private static void assertReadable(Browser browser, String page) {
        List<?> pairs = (List<?>) browser.script(PAIRS, CHECKED);
        assertThat(pairs).as("elements checked on the %s", page).isNotEmpty();
        List<String> unreadable = new ArrayList<>();
        for (Object item : pairs) {
            List<?> pair = (List<?>) item;
            double ratio = contrast((String) pair.get(1), (String) pair.get(2));
            if (ratio < 4.5) {
                unreadable.add(String.format("%s: %s on %s is %.2f:1", pair.get(0), pair.get(1), pair.get(2), ratio));
            }
        }
        assertThat(unreadable).as("text below 4.5:1 on the %s", page).isEmpty();
    }

    static double contrast(String foreground, String background) {
        double a = luminance(foreground);
        double b = luminance(background);
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    }

    private static double luminance(String css) {
        Matcher m = RGB.matcher(css);
        assertThat(m.find()).as("a colour: %s", css).isTrue();
        return 0.2126 * channel(m.group(1)) + 0.7152 * channel(m.group(2)) + 0.0722 * channel(m.group(3));
    }

    private static double channel(String value) {
        double c = Integer.parseInt(value) / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
