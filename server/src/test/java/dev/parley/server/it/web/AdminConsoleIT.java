package dev.parley.server.it.web;

import static dev.parley.server.it.web.BrowserClientIT.server;
import static dev.parley.server.it.web.BrowserClientIT.url;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.Numeric;
import dev.parley.server.it.TestServer;
import dev.parley.testkit.RawIrcClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;

/**
 * The admin console in headless Chromium: an operator logs in, finds a user connected over IRC,
 * bans them (they are disconnected with 465) and sees the ban listed. Screenshots of each step go
 * to target/screenshots/admin-*.png.
 */
class AdminConsoleIT {

    private static final Duration CLOSE_WITHIN = Duration.ofSeconds(5);

    @Test
    void anOperatorLogsInBansAUserConnectedOverIrcAndSeesTheBanListed() {
        try (TestServer server = server();
                Browser browser = Browser.open(1280, 800)) {
            RawIrcClient bob = server.user("bob");
            bob.join("#general");
            RawIrcClient alice = server.user("alice");
            alice.join("#general");
            String console = url(server) + "admin/";
            try {
                browser.open(console);
                browser.await(d -> browser.find("#login-name").isDisplayed());
                assertThat(browser.find("#console-view").isDisplayed())
                        .as("nothing but the login before it")
                        .isFalse();
                browser.screenshot("admin-login");

                browser.find("#login-name").sendKeys("admin");
                browser.find("#login-password").sendKeys("admin123");
                browser.find("#login-button").click();
                browser.awaitText("#status-facts", "Users");
                browser.awaitText("#operator-name", "admin");
                browser.awaitText("#history-facts", "ok");
                for (int i = 0; i < 5; i++) {
                    alice.send("PRIVMSG #general :hello " + i);
                }
                browser.awaitText("#traffic-facts", "/s"); // a rate needs two samples: the next refresh
                browser.screenshot("admin-status");

                browser.find("[data-tab=users]").click();
                browser.awaitText("#user-rows td", "bob!");
                browser.screenshot("admin-users");

                browser.find("[data-tab=bans]").click();
                browser.awaitText("#ban-rows", "No bans");
                browser.find("#ban-target").sendKeys("bob");
                browser.find("#ban-reason").sendKeys("spamming links");
                new Select(browser.find("#ban-expires")).selectByValue("1d");
                browser.find("#ban-button").click();

                assertThat(bob.expect(Numeric.ERR_YOUREBANNEDCREEP).lastParam()).contains("spamming links");
                assertThat(bob.awaitClosed(CLOSE_WITHIN))
                        .as("the banned user is disconnected")
                        .isTrue();
                browser.awaitText("#notice", "1 disconnected");
                browser.awaitText("#ban-rows td", "bob!*@*");
                assertThat(browser.find("#ban-rows").getText())
                        .contains("spamming links")
                        .contains("admin")
                        .doesNotContain("[expires")
                        .doesNotContain("never");
                browser.screenshot("admin-bans");

                browser.find("[data-tab=users]").click();
                browser.awaitText("#user-count", "1 user");
                assertThat(browser.find("#user-rows").getText())
                        .contains("alice")
                        .doesNotContain("bob");
            } finally {
                browser.screenshot("admin-last");
            }
        }
    }

    @Test
    void theConsoleReadsInTheDarkAndOnAPhone() {
        try (TestServer server = server();
                Browser browser = Browser.open(390, 844)) {
            server.user("alice").join("#general");
            browser.preferDark();
            browser.open(url(server) + "admin/");
            browser.await(d -> browser.find("#login-name").isDisplayed());
            browser.find("#login-name").sendKeys("admin");
            browser.find("#login-password").sendKeys("admin123");
            browser.find("#login-button").click();
            browser.await(d -> browser.find("#console-view").isDisplayed());
            browser.find("[data-tab=rooms]").click();
            browser.awaitText("#room-rows td", "#general");
            browser.find("#room-rows button").click();
            browser.awaitText("#room-detail", "alice");
            browser.find("#mode-m").click();
            browser.find("#room-detail form:nth-of-type(2) button").click();
            browser.awaitText("#notice", "Modes of #general: +mnt");
            browser.screenshot("admin-rooms-dark-phone");
        }
    }
}
