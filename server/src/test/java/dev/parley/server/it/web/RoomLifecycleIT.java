package dev.parley.server.it.web;

import static dev.parley.server.it.web.BrowserClientIT.server;
import static dev.parley.server.it.web.BrowserClientIT.url;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.it.TestServer;
import dev.parley.testkit.Lines;
import dev.parley.testkit.RawIrcClient;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Rooms come and go: bad names, kicks, the last room left, a lost connection, an empty history. */
class RoomLifecycleIT {

    private static final Pattern COUNTDOWN = Pattern.compile("reconnecting in (\\d+) s");

    @Test
    void operatorsAreListedFirst() {
        try (TestServer server = server();
                Browser alice = Browser.open(1280, 800)) {
            RawIrcClient zed = server.user("zed");
            zed.join("#general");
            try {
                alice.logIn(url(server), "alice", "chat@123", "#general");
                alice.awaitText("#member-list li", "zed");
                List<String> members = alice.findAll("#member-list li .nick").stream()
                        .map(e -> e.getText())
                        .toList();
                assertThat(members).containsExactly("@zed", "alice");
            } finally {
                alice.screenshot("members-operators-first");
            }
        }
    }

    @Test
    void aBadRoomNameAtLoginLeavesNoDeadConversation() {
        try (TestServer server = server();
                Browser alice = Browser.open(1280, 800)) {
            try {
                alice.logIn(url(server), "alice", "chat@123", "#" + "x".repeat(70));
                alice.awaitText("#feed li", "Cannot join");
                assertThat(alice.findAll("#room-list button")).isEmpty();
                alice.awaitText("#feed li", "You are in no room");
                alice.say("/join #ok");
                alice.awaitText("#member-list li", "alice");
                assertThat(alice.find("#conversation-title").getText()).isEqualTo("#ok");
                assertThat(alice.findAll("#room-list button.open").stream()
                                .map(e -> e.getText())
                                .toList())
                        .containsExactly("#ok");
            } finally {
                alice.screenshot("bad-room-at-login");
            }
        }
    }

    @Test
    void aKickedUserSeesWhyAndCanJoinAgain() {
        try (TestServer server = server();
                Browser carol = Browser.open(1280, 800)) {
            RawIrcClient admin = server.admin();
            admin.join("#general");
            try {
                carol.logIn(url(server), "carol", "chat@123", "#general");
                admin.expect(Lines.joinOf("carol", "#general"));
                carol.awaitText("#member-list li", "admin");
                admin.send("KICK #general carol :calm down");
                carol.awaitText("#feed li", "You were kicked from #general by admin (calm down)");
                carol.await(d -> carol.find("#rejoin").isDisplayed());
                carol.screenshot("kicked");
                assertThat(carol.find("#members-pane").getText()).doesNotContain("(0)");
                carol.find("#rejoin").click();
                admin.expect(Lines.joinOf("carol", "#general"));
                carol.awaitText("#member-list li", "carol");
                carol.await(d -> !carol.find("#rejoin").isDisplayed());
            } finally {
                carol.screenshot("kicked-rejoined");
            }
        }
    }

    @Test
    void partingTheLastRoomSaysHowToJoinOne() {
        try (TestServer server = server();
                Browser alice = Browser.open(1280, 800)) {
            try {
                alice.logIn(url(server), "alice", "chat@123", "#general");
                alice.awaitText("#member-list li", "alice");
                alice.say("/part");
                alice.awaitText("#feed li", "You are in no room");
                assertThat(alice.find("#conversation-title").getText()).isEqualTo("Parley");
                assertThat(alice.findAll("#room-list button")).isEmpty();
                assertThat(alice.find("#load-older").isDisplayed()).isFalse();
            } finally {
                alice.screenshot("no-room");
            }
        }
    }

    @Test
    void loadOlderIsOfferedOnlyWhenThereIsOlderHistory() {
        try (TestServer server = server();
                Browser alice = Browser.open(1280, 800)) {
            RawIrcClient bob = server.user("bob");
            bob.join("#busy");
            for (int i = 0; i < 60; i++) {
                bob.send("PRIVMSG #busy :busy " + i);
            }
            bob.send("PING done");
            bob.expectCommand("PONG");
            try {
                alice.logIn(url(server), "alice", "chat@123", "#quiet");
                alice.awaitText("#member-list li", "alice");
                alice.await(d -> !alice.find("#load-older").isDisplayed());
                alice.say("/join #busy");
                alice.awaitText("#feed li", "busy 59");
                alice.await(d -> alice.find("#load-older").isDisplayed());
            } finally {
                alice.screenshot("load-older");
            }
        }
    }

    @Test
    void theReconnectCountdownCountsDown() {
        try (TestServer server = server();
                Browser alice = Browser.open(1280, 800)) {
            try {
                alice.logIn(url(server), "alice", "chat@123", "#general");
                alice.awaitText("#member-list li", "alice");
                server.server().stop();
                int first = alice.await(d -> seconds(alice.find("#status").getText(), 2));
                alice.await(d -> seconds(alice.find("#status").getText(), 1) < first ? true : null);
            } finally {
                alice.screenshot("reconnecting");
            }
        }
    }

    /** The seconds the status counts down from, when at least {@code atLeast}; null otherwise. */
    private static Integer seconds(String status, int atLeast) {
        Matcher m = COUNTDOWN.matcher(status);
        if (!m.find()) {
            return null;
        }
        int s = Integer.parseInt(m.group(1));
        return s >= atLeast ? s : null;
    }
}
