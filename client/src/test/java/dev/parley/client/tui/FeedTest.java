package dev.parley.client.tui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.client.core.ClientEvent;
import dev.parley.client.core.ClientState;
import dev.parley.client.core.MessageKind;
import dev.parley.client.core.RoomState;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedTest {

    private static final Instant NOON = Instant.parse("2025-03-01T12:05:00Z");

    /** A windowed display that records what reaches the screen. */
    private static class Screen implements Display {
        final List<String> shown = new ArrayList<>();
        final List<List<String>> redraws = new ArrayList<>();
        int bells;

        @Override
        public void show(DisplayLine line) {
            shown.add(line.text());
        }

        @Override
        public boolean windowed() {
            return true;
        }

        @Override
        public void redraw(List<DisplayLine> lines) {
            redraws.add(lines.stream().map(DisplayLine::text).toList());
        }

        @Override
        public void bell() {
            bells++;
        }
    }

    private final Screen screen = new Screen();
    private final List<String> opened = new ArrayList<>();
    private final Feed feed = new Feed(
            new Windows(), screen, new MessageFormatter(false, Clock.fixed(NOON, ZoneOffset.UTC)), opened::add);
    private final ClientState alice = ClientState.initial()
            .withNick("alice")
            .withRoom(RoomState.joined("#general"))
            .withRoom(RoomState.joined("#dev"));

    private static ClientEvent.MessageReceived said(String from, String target, String text) {
        return new ClientEvent.MessageReceived(
                NOON, from, target, text, MessageKind.MESSAGE, from.equals("alice"), target.startsWith("#"));
    }

    private void joinBoth() {
        feed.onEvent(new ClientEvent.Joined("#general", "alice", true), alice);
        feed.onEvent(new ClientEvent.Joined("#dev", "alice", true), alice);
    }

    @Test
    void eachJoinOpensAWindowShowsItAndAsksForItsRecentHistory() {
        joinBoth();
        assertThat(feed.entries()).extracting(Windows.Entry::title).containsExactly("status", "general", "dev");
        assertThat(feed.currentTarget()).isEqualTo("#dev");
        assertThat(opened).containsExactly("#general", "#dev");
        assertThat(screen.redraws.get(screen.redraws.size() - 1))
                .as("a new window starts empty")
                .isEmpty();
        assertThat(screen.shown).endsWith("[dev] You joined");
    }

    @Test
    void linesOfAnotherWindowAreKeptAndCountedNotShown() {
        joinBoth();
        screen.shown.clear();
        feed.onEvent(said("bob", "#general", "anyone here?"), alice);
        feed.onEvent(said("bob", "#dev", "build is green"), alice);

        assertThat(screen.shown).containsExactly("[dev] [bob]: build is green");
        assertThat(StatusLine.of("alice", feed.entries())).isEqualTo("[alice] [3:dev] [Act: 2:general(1)]");
        assertThat(screen.bells).isZero();

        assertThat(feed.select(2)).isTrue();
        assertThat(screen.redraws.get(screen.redraws.size() - 1))
                .containsExactly("[general] You joined", "[general] [bob]: anyone here?");
        assertThat(StatusLine.of("alice", feed.entries())).isEqualTo("[alice] [2:general]");
    }

    @Test
    void aMentionIsHighlightedRingsTheBellAndIsMarkedInTheActivityList() {
        joinBoth();
        feed.onEvent(said("bob", "#general", "Alice: lunch?"), alice);
        feed.onEvent(said("bob", "#dev", "ping alice, the build broke"), alice);
        feed.onEvent(said("bob", "#dev", "malice is not a mention"), alice);

        assertThat(screen.bells).isEqualTo(2);
        assertThat(StatusLine.of("alice", feed.entries())).isEqualTo("[alice] [3:dev] [Act: 2:general(1!)]");
        feed.select(2);
        assertThat(feed.entries().get(1).unread()).isZero();
    }

    @Test
    void aPrivateMessageOpensItsOwnWindowAndCountsAsAMention() {
        joinBoth();
        screen.shown.clear();
        feed.onEvent(said("bob", "alice", "coffee?"), alice);

        assertThat(screen.shown).isEmpty();
        assertThat(screen.bells).isOne();
        assertThat(StatusLine.of("alice", feed.entries())).isEqualTo("[alice] [3:dev] [Act: 4:bob(1!)]");
    }

    @Test
    void ourOwnPrivateMessageFromARoomWindowIsShownThereAndKeptInTheConversationsWindow() {
        joinBoth();
        screen.shown.clear();
        feed.onEvent(said("alice", "bob", "sure, 3pm"), alice);

        assertThat(screen.shown).containsExactly("[DM to bob] [alice]: sure, 3pm");
        assertThat(feed.entries()).extracting(Windows.Entry::title).contains("bob");
        assertThat(feed.currentTarget()).isEqualTo("#dev");
    }

    @Test
    void leavingTheRoomOnScreenClosesItsWindowAndSaysSoInTheOneShownNext() {
        joinBoth();
        feed.onEvent(new ClientEvent.Parted("#dev", "alice", null, true), alice);

        assertThat(feed.currentTarget()).isEqualTo("#general");
        assertThat(feed.entries()).extracting(Windows.Entry::title).containsExactly("status", "general");
        assertThat(screen.shown).endsWith("[dev] You left");
        feed.onEvent(new ClientEvent.Kicked("#general", "alice", "op", "bye", true), alice);
        assertThat(feed.currentTarget()).isNull();
        assertThat(screen.shown).endsWith("[general] You were kicked by op: bye");
    }

    @Test
    void ctrlNAndCtrlPWrapRoundAndQueryOpensAConversation() {
        joinBoth();
        feed.move(1);
        assertThat(feed.currentTarget()).isNull();
        feed.move(-1);
        assertThat(feed.currentTarget()).isEqualTo("#dev");
        feed.query("Bob");
        assertThat(feed.currentTarget()).isEqualTo("Bob");
        feed.onEvent(said("bob", "alice", "hi"), alice);
        assertThat(feed.entries()).as("one window per nick, whatever its case").hasSize(4);
        assertThat(screen.shown).endsWith("[DM] [bob]: hi");
    }

    @Test
    void aRejoinAfterAReconnectKeepsTheWindowOnScreen() {
        joinBoth();
        feed.select(2);
        opened.clear();
        feed.onEvent(new ClientEvent.Joined("#dev", "alice", true), alice);
        assertThat(feed.currentTarget()).isEqualTo("#general");
        assertThat(opened).as("no second history replay").isEmpty();
    }

    @Test
    void aPlainFeedShowsEveryLine() {
        Screen plain = new Screen() {
            @Override
            public boolean windowed() {
                return false;
            }
        };
        Feed script = new Feed(new Windows(), plain, new MessageFormatter(false), r -> {});
        script.onEvent(new ClientEvent.Joined("#general", "alice", true), alice);
        script.onEvent(new ClientEvent.Joined("#dev", "alice", true), alice);
        script.onEvent(said("bob", "#general", "hi"), alice);
        assertThat(plain.shown).contains("[general] [bob]: hi");
    }

    @Test
    void someonesQuitIsToldInTheWindowsOfTheRoomsTheyWereIn() {
        joinBoth();
        feed.select(2);
        screen.shown.clear();
        feed.onEvent(new ClientEvent.Quit("bob", "bye", List.of("#dev")), alice);
        assertThat(screen.shown).as("not in general, so not on screen").isEmpty();
        feed.onEvent(new ClientEvent.NickChanged("carol", "caroline", false, List.of("#general", "#dev")), alice);
        assertThat(screen.shown).containsExactly("carol is now known as caroline");
        feed.select(3);
        assertThat(screen.redraws.get(screen.redraws.size() - 1))
                .containsExactly("[dev] You joined", "bob quit (bye)", "carol is now known as caroline");
        assertThat(StatusLine.of("alice", feed.entries()))
                .as("no activity for a quit")
                .isEqualTo("[alice] [3:dev]");
    }

    @Test
    void pageUpShowsEarlierLinesAndNewOnesWaitBelowUntilPageDown() {
        joinBoth();
        for (int i = 1; i <= 10; i++) {
            feed.onEvent(said("bob", "#dev", "line " + i), alice);
        }
        feed.scroll(4, 3);
        assertThat(screen.redraws.get(screen.redraws.size() - 1))
                .as("three rows ending four lines up")
                .endsWith("[dev] [bob]: line 4", "[dev] [bob]: line 5", "[dev] [bob]: line 6");
        screen.shown.clear();
        feed.onEvent(said("bob", "#dev", "line 11"), alice);
        assertThat(screen.shown).as("a new line waits below").isEmpty();
        assertThat(StatusLine.of("alice", feed.entries())).isEqualTo("[alice] [3:dev] [more: 5]");

        feed.scroll(-100, 3);
        assertThat(screen.redraws.get(screen.redraws.size() - 1)).endsWith("[dev] [bob]: line 11");
        assertThat(StatusLine.of("alice", feed.entries())).isEqualTo("[alice] [3:dev]");
        feed.scroll(1000, 3);
        assertThat(screen.redraws.get(screen.redraws.size() - 1))
                .as("never past the first line")
                .startsWith("[dev] You joined");
    }
}
