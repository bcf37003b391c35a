package dev.parley.server.it.web;

import static dev.parley.server.it.web.BrowserClientIT.server;
import static dev.parley.server.it.web.BrowserClientIT.url;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.Numeric;
import dev.parley.server.it.TestServer;
import dev.parley.testkit.Lines;
import dev.parley.testkit.RawIrcClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Unread state: counts and mentions in the sidebar and the tab title, the "New messages" line and
 * jump-to-latest, and read markers (draft/read-marker) shared by the account's clients and visits.
 */
class UnreadAndMarkersIT {

    private static final String PASSWORD = "correct-horse-battery";

    @Test
    void unreadCountsAndMentionsReachTheTabTitleAndTheNewMessagesLine() {
        try (TestServer server = server();
                Browser alice = Browser.open(1280, 800)) {
            RawIrcClient bob = server.user("bob");
            bob.join("#side");
            bob.join("#general");
            try {
                alice.logIn(url(server), "alice", "chat@123", "#side");
                alice.awaitText("#member-list li", "bob");
                bob.send("PRIVMSG #side :read before leaving");
                alice.awaitText("#feed li", "read before leaving");
                alice.say("/join #general");
                alice.await(d -> d.getTitle().equals("#general — Parley"));
                bob.send("PRIVMSG #side :one");
                bob.send("PRIVMSG #side :alice: two");
                alice.await(d -> d.getTitle().equals("(2 · @1) #general — Parley"));
                WebElement badge = alice.awaitText("#room-list li", "#side").findElement(By.cssSelector(".unread"));
                assertThat(badge.getText()).isEqualTo("@1");
                assertThat(badge.getAttribute("aria-label")).isEqualTo("2 unread, 1 mentioning you");

                alice.awaitText("#room-list button", "#side").click();
                alice.await(d -> d.getTitle().equals("#side — Parley"));
                List<String> items = alice.findAll("#feed li").stream()
                        .map(WebElement::getText)
                        .toList();
                int line = items.indexOf("New messages");
                assertThat(line).as("a New messages line in %s", items).isPositive();
                assertThat(items.get(line - 1)).contains("read before leaving");
                assertThat(items.get(line + 1)).contains("one");
                alice.screenshot("new-messages-line");
            } finally {
                alice.screenshot("unread-title");
            }
        }
    }

    @Test
    void aReaderScrolledUpIsOfferedAJumpToTheLatest() {
        try (TestServer server = server();
                Browser alice = Browser.open(1280, 600)) {
            RawIrcClient bob = server.user("bob");
            bob.join("#general");
            for (int i = 0; i < 40; i++) {
                bob.send("PRIVMSG #general :filler " + i);
            }
            bob.send("PING sync");
            bob.expectCommand("PONG");
            try {
                alice.logIn(url(server), "alice", "chat@123", "#general");
                alice.awaitText("#feed li", "filler 39");
                alice.script("document.getElementById('feed').scrollTop = 200");
                assertThat(alice.find("#jump-latest").isDisplayed()).isFalse();
                bob.send("PRIVMSG #general :something new");
                alice.await(d -> alice.find("#jump-latest").isDisplayed());
                alice.screenshot("jump-to-latest");
                alice.find("#jump-latest").click();
                alice.await(d -> !alice.find("#jump-latest").isDisplayed());
                Object fromBottom = alice.script("const f = document.getElementById('feed');"
                        + " return f.scrollHeight - f.scrollTop - f.clientHeight;");
                assertThat(((Number) fromBottom).doubleValue()).isLessThan(40);
            } finally {
                alice.screenshot("jumped");
            }
        }
    }

    @Test
    void readMarkersFollowTheAccountAcrossDevicesAndVisits() {
        try (TestServer server = server()) {
            registerAccount(server, "dana");
            RawIrcClient bob = server.user("bob");
            bob.join("#side");
            RawIrcClient phone = phone(server);
            phone.join("#side");
            try (Browser first = Browser.open(1280, 800)) {
                first.logIn(url(server), "dana", PASSWORD, "#side");
                first.awaitText("#member-list li", "bob");
                bob.send("PRIVMSG #side :first");
                bob.send("PRIVMSG #side :second");
                first.awaitText("#feed li", "second");
                String second = phone.expect(Lines.privmsgFrom("bob", "#side", "second"))
                        .tag("time");
                phone.expect(Lines.commandWithParams("MARKREAD", "#side", "timestamp=" + second));
            }
            bob.send("PRIVMSG #side :third");
            try (Browser again = Browser.open(1280, 800)) {
                try {
                    again.logIn(url(server), "dana", PASSWORD, "#general");
                    again.awaitText("#member-list li", "dana");
                    again.say("/join #side");
                    again.awaitText("#feed li", "third");
                    List<String> items = again.findAll("#feed li").stream()
                            .map(WebElement::getText)
                            .toList();
                    int line = items.indexOf("New messages");
                    assertThat(line)
                            .as("read up to 'second' on the other visit: %s", items)
                            .isPositive();
                    assertThat(items.get(line - 1)).contains("second");
                    assertThat(items.get(line + 1)).contains("third");

                    again.awaitText("#room-list button", "#general").click();
                    again.await(d -> d.getTitle().equals("#general — Parley"));
                    bob.send("PRIVMSG #side :fourth");
                    String fourth = phone.expect(Lines.privmsgFrom("bob", "#side", "fourth"))
                            .tag("time");
                    again.await(d -> d.getTitle().startsWith("(1) "));
                    phone.send("MARKREAD #side timestamp=" + fourth);
                    again.await(d -> d.getTitle().equals("#general — Parley"));
                    assertThat(again.awaitText("#room-list li", "#side").findElements(By.cssSelector(".unread")))
                            .as("read on the phone, so read here")
                            .isEmpty();
                } finally {
                    again.screenshot("read-markers");
                }
            }
        }
    }

    @Test
    void aDirectMessageReadOnAnotherDeviceIsReadHere() {
        try (TestServer server = server();
                Browser dana = Browser.open(1280, 800)) {
            registerAccount(server, "dana");
            RawIrcClient bob = server.connect();
            bob.registerWithCaps("bob", "chat@123", "server-time", "echo-message");
            RawIrcClient phone = phone(server);
            try {
                dana.logIn(url(server), "dana", PASSWORD, "#general");
                dana.awaitText("#member-list li", "dana");
                bob.send("PRIVMSG dana :are you coming?");
                String time = bob.expect(Lines.privmsgFrom("bob", "dana", "are you coming?"))
                        .tag("time");
                dana.await(d -> d.getTitle().startsWith("(1 · @1) "));
                phone.send("MARKREAD bob timestamp=" + time);
                dana.await(d -> d.getTitle().equals("#general — Parley"));
                assertThat(dana.awaitText("#dm-list li", "bob").findElements(By.cssSelector(".unread")))
                        .as("read on the phone, so read here")
                        .isEmpty();
            } finally {
                dana.screenshot("dm-read-elsewhere");
            }
        }
    }

    private static void registerAccount(TestServer server, String nick) {
        RawIrcClient client = server.user(nick);
        client.send("REGISTER * * :" + PASSWORD);
        assertThat(client.expectCommand("REGISTER").params()).startsWith("SUCCESS", nick);
        client.send("QUIT");
        client.expectCommand("ERROR");
    }

    /** Another client of dana's account (SASL PLAIN after registering as dana-phone). */
    private static RawIrcClient phone(TestServer server) {
        RawIrcClient client = server.connect();
        client.registerWithCaps("dana-phone", "chat@123", "draft/read-marker", "server-time", "sasl");
        client.send("AUTHENTICATE PLAIN");
        client.expect(Lines.commandWithParams("AUTHENTICATE", "+"));
        String payload = "dana\0dana\0" + PASSWORD;
        client.send("AUTHENTICATE " + Base64.getEncoder().encodeToString(payload.getBytes(StandardCharsets.UTF_8)));
        IrcMessage success = client.expect(Numeric.RPL_SASLSUCCESS);
        assertThat(success).isNotNull();
        return client;
    }
}
