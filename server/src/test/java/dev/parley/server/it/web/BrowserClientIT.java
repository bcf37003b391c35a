package dev.parley.server.it.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.config.HttpConfig;
import dev.parley.server.config.ListenAddress;
import dev.parley.server.it.ChatHistory;
import dev.parley.server.it.TestServer;
import dev.parley.testkit.Lines;
import dev.parley.testkit.RawIrcClient;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The browser client end to end in headless Chromium: log in with the seed's three fields, chat
 * both ways, scroll back through history, private messages, and the admin's ban as its victim sees
 * it. Each test leaves screenshots in target/screenshots/.
 */
class BrowserClientIT {

    static TestServer server() {
        return TestServer.start(c -> ChatHistory.withoutFloodControl(c)
                .withHttp(new HttpConfig(List.of(new ListenAddress("127.0.0.1", 0)), HttpConfig.Tls.OFF)));
    }

    static String url(TestServer server) {
        return "http://127.0.0.1:" + server.server().httpAddresses().get(0).getPort() + "/";
    }

    @Test
    void twoUsersChatLoadHistoryAndSendAPrivateMessage() {
        try (TestServer server = server()) {
            RawIrcClient seed = server.user("seeder");
            seed.join("#general");
            for (int i = 0; i < 70; i++) {
                seed.send("PRIVMSG #general :old message " + i);
            }
            seed.send("PING done");
            seed.expectCommand("PONG");

            try (Browser alice = Browser.open(1280, 800);
                    Browser bob = Browser.open(390, 844)) {
                try {
                    alice.logIn(url(server), "alice", "chat@123", "#general");
                    alice.awaitText("#feed li", "old message 69");
                    assertThat(alice.find("#feed").getText()).doesNotContain("old message 10\n");
                    alice.find("#load-older").click();
                    alice.awaitText("#feed li", "old message 10");

                    bob.logIn(url(server), "bob", "chat@123", "general");
                    bob.awaitText("#feed li", "old message 69");
                    alice.awaitText("#member-list li", "bob");

                    bob.find("#message-input").sendKeys("half-typed");
                    alice.say("hello bob");
                    bob.awaitText("#feed li", "hello bob");
                    assertThat(bob.find("#message-input").getAttribute("value"))
                            .as("typing survives arriving messages")
                            .isEqualTo("half-typed");
                    bob.find("#message-input").clear();
                    bob.say("hello alice");
                    alice.awaitText("#feed li", "hello alice");

                    alice.say("/msg bob a private word");
                    bob.find("#toggle-rooms").click();
                    String unread = bob.await(d -> bob.awaitText("#dm-list button", "alice")
                            .findElement(By.cssSelector(".unread"))
                            .getText());
                    assertThat(unread).isEqualTo("1");
                    bob.await(d -> {
                        bob.awaitText("#dm-list button", "alice").click();
                        return true;
                    });
                    bob.awaitText("#feed li", "a private word");
                    assertThat(bob.find("#conversation-title").getText()).isEqualTo("alice");
                } finally {
                    alice.screenshot("chat-desktop-alice");
                    bob.screenshot("chat-phone-bob");
                }
            }
        }
    }

    @Test
    void theAdminBansAUserWhosePageSaysSo() {
        try (TestServer server = server()) {
            try (Browser admin = Browser.open(1280, 800);
                    Browser mallory = Browser.open(1280, 800)) {
                try {
                    mallory.logIn(url(server), "mallory", "chat@123", "#general");
                    mallory.awaitText("#member-list li", "mallory");
                    admin.logIn(url(server), "admin", "admin123", "#general");
                    admin.await(d -> {
                        admin.awaitText("#member-list li", "mallory")
                                .findElement(By.cssSelector("button[aria-label='Ban mallory']"))
                                .click();
                        return true;
                    });
                    admin.await(d -> d.findElement(By.id("confirm-dialog")).isDisplayed());
                    admin.find("#confirm-reason").sendKeys("spamming");
                    admin.screenshot("ban-confirmation");
                    admin.find("#confirm-ok").click();

                    mallory.awaitText("#status", "banned from this server");
                    assertThat(mallory.find("#feed").getText()).contains("banned from this server: spamming");
                    assertThat(mallory.find("#message-input").isEnabled())
                            .as("no more typing into the void")
                            .isFalse();
                    admin.awaitText("#feed li", "mallory");
                    RawIrcClient again = server.connect();
                    again.send("PASS chat@123");
                    again.send("NICK mallory");
                    again.send("USER m 0 * :M");
                    again.expect(Lines.numeric(dev.parley.protocol.Numeric.ERR_YOUREBANNEDCREEP));
                } finally {
                    admin.screenshot("ban-admin");
                    mallory.screenshot("ban-victim");
                }
            }
        }
    }
}
