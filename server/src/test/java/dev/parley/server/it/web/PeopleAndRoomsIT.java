package dev.parley.server.it.web;

import static dev.parley.server.it.web.BrowserClientIT.server;
import static dev.parley.server.it.web.BrowserClientIT.url;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.IrcMessage;
import dev.parley.server.it.TestServer;
import dev.parley.testkit.Lines;
import dev.parley.testkit.RawIrcClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * People and rooms: typing indicators, away in the member list, a click on a nick opens a DM,
 * rooms and DMs in their own sections with leave and close controls, and the room browser (LIST).
 */
class PeopleAndRoomsIT {

    @Test
    void typingAndAwayShowAndTypingIsAnnounced() {
        try (TestServer server = server();
                Browser alice = Browser.open(1280, 800)) {
            RawIrcClient bob = server.connect();
            bob.registerWithCaps("bob", "chat@123", "message-tags", "away-notify");
            bob.join("#general");
            try {
                alice.logIn(url(server), "alice", "chat@123", "#general");
                bob.expect(Lines.joinOf("alice", "#general"));
                alice.awaitText("#member-list li", "bob");

                bob.send("@+typing=active TAGMSG #general");
                alice.awaitText("#typing", "bob is typing…");
                bob.send("PRIVMSG #general :done typing");
                alice.await(d -> alice.find("#typing").getText().isEmpty());

                alice.find("#message-input").sendKeys("hello th");
                IrcMessage typing = bob.expect(Lines.command("TAGMSG").and(Lines.from("alice")));
                assertThat(typing.tag("+typing")).isEqualTo("active");
                alice.find("#compose button[type=submit]").click();
                IrcMessage done = bob.expect(
                        m -> m.command().equals("TAGMSG") && "done".equals(m.tag("+typing")), "alice's typing done");
                assertThat(done.params()).containsExactly("#general");

                bob.send("AWAY :at lunch");
                WebElement away = alice.await(d -> {
                    WebElement item = alice.awaitText("#member-list li", "bob");
                    return item.getAttribute("class").contains("away") ? item : null;
                });
                assertThat(away.findElement(By.cssSelector(".away-tag")).getAttribute("title"))
                        .isEqualTo("Away: at lunch");
                bob.send("AWAY");
                alice.await(d -> !alice.awaitText("#member-list li", "bob")
                        .getAttribute("class")
                        .contains("away"));

                alice.find("#member-list button[aria-label='Message bob']").click();
                alice.await(d -> alice.find("#conversation-title").getText().equals("bob"));
                bob.send("QUIT");
                assertThat(bob.awaitClosed(Duration.ofSeconds(5))).isTrue();
                alice.find("#message-input").sendKeys("are you still there?");
                alice.find("#compose button[type=submit]").click();
                alice.awaitText("#feed li", "No one called bob is online");
                assertThat(alice.feed().split("No one called bob is online", -1))
                        .as("the message's refusal is shown, the typing notice's is not")
                        .hasSize(2);
            } finally {
                alice.screenshot("typing-and-away");
            }
        }
    }

    @Test
    void aNickOpensADirectMessageAndRoomsAndDirectMessagesHaveTheirOwnSections() {
        try (TestServer server = server();
                Browser alice = Browser.open(1280, 800)) {
            RawIrcClient bob = server.user("bob");
            bob.join("#general");
            try {
                alice.logIn(url(server), "alice", "chat@123", "#general");
                bob.expect(Lines.joinOf("alice", "#general"));
                alice.await(d -> {
                    alice.find("#member-list button[aria-label='Message bob']").click();
                    return true;
                });
                alice.await(d -> alice.find("#conversation-title").getText().equals("bob"));
                alice.say("a word in private");
                bob.expect(Lines.privmsgFrom("alice", "bob", "a word in private"));
                bob.send("PRIVMSG alice :and one back");
                alice.awaitText("#feed li", "and one back");

                assertThat(alice.find("#dm-heading").getText()).isEqualToIgnoringCase("Direct messages");
                assertThat(alice.findAll("#dm-list li"))
                        .extracting(WebElement::getText)
                        .anyMatch(t -> t.contains("bob"));
                assertThat(alice.findAll("#room-list li"))
                        .extracting(WebElement::getText)
                        .noneMatch(t -> t.contains("bob"));
                alice.screenshot("sections");

                alice.find("#dm-list button[aria-label='Close bob']").click();
                alice.await(d -> alice.findAll("#dm-list li").isEmpty());
                assertThat(alice.find("#dm-heading").isDisplayed()).isFalse();

                alice.find("#room-list button[aria-label='Leave #general']").click();
                bob.expect(Lines.command("PART").and(Lines.from("alice")));
                alice.awaitText("#feed li", "You are in no room");
            } finally {
                alice.screenshot("left-and-closed");
            }
        }
    }

    @Test
    void theRoomBrowserListsTheRoomsAndJoinsOne() {
        try (TestServer server = server();
                Browser alice = Browser.open(1280, 800)) {
            RawIrcClient bob = server.user("bob");
            bob.join("#design");
            bob.send("TOPIC #design :Mock-ups and colours");
            bob.expectCommand("TOPIC");
            try {
                alice.logIn(url(server), "alice", "chat@123", "#general");
                alice.awaitText("#member-list li", "alice");
                alice.find("#browse-rooms").click();
                WebElement design = alice.awaitText("#room-browser li", "#design");
                assertThat(design.getText()).contains("1 person").contains("Mock-ups and colours");
                assertThat(alice.awaitText("#room-browser-state", "room").getText())
                        .isEqualTo("2 rooms");
                alice.screenshot("room-browser");
                design.findElement(By.cssSelector("button[aria-label='Join #design']"))
                        .click();
                bob.expect(Lines.joinOf("alice", "#design"));
                alice.await(d -> alice.find("#conversation-title").getText().equals("#design"));
                assertThat(alice.find("#room-browser").isDisplayed()).isFalse();
            } finally {
                alice.screenshot("room-browser-joined");
            }
        }
    }
}
