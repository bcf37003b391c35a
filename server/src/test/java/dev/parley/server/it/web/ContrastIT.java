package dev.parley.server.it.web;

import static dev.parley.server.it.web.BrowserClientIT.server;
import static dev.parley.server.it.web.BrowserClientIT.url;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.it.TestServer;
import dev.parley.testkit.RawIrcClient;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

/** Text on the accent colour (buttons, unread badges) meets WCAG AA, 4.5:1, in both themes. */
class ContrastIT {

    private static final Pattern RGB = Pattern.compile("rgba?\\((\\d+), (\\d+), (\\d+)");

    @Test
    void buttonsAndBadgesAreReadableInTheLightTheme() {
        checkTheme(false, "contrast-light");
    }

    @Test
    void buttonsAndBadgesAreReadableInTheDarkTheme() {
        checkTheme(true, "contrast-dark");
    }

    private static void checkTheme(boolean dark, String screenshot) {
        try (TestServer server = server();
                Browser alice = Browser.open(1280, 800)) {
            if (dark) {
                alice.preferDark();
            }
            try {
                alice.open(url(server));
                assertReadable(alice.find("#login-button"));
                alice.logIn(url(server), "alice", "chat@123", "#general");
                alice.awaitText("#member-list li", "alice");
                RawIrcClient bob = server.user("bob");
                bob.send("PRIVMSG alice :psst");
                WebElement badge = alice.await(d -> alice.awaitText("#room-list button", "bob")
                        .findElement(org.openqa.selenium.By.cssSelector(".unread")));
                assertReadable(badge);
            } finally {
                alice.screenshot(screenshot);
            }
        }
    }

    private static void assertReadable(WebElement element) {
        double ratio = contrast(element.getCssValue("color"), element.getCssValue("background-color"));
        assertThat(ratio)
                .as("contrast of %s text on its background", element.getTagName())
                .isGreaterThanOrEqualTo(4.5);
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
