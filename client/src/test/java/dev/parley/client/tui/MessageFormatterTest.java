package dev.parley.client.tui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.client.core.ClientEvent;
import dev.parley.client.core.MessageKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageFormatterTest {

    private static final Instant NOON = Instant.parse("2025-03-01T12:05:00Z");
    private static final Clock CLOCK = Clock.fixed(NOON, ZoneOffset.UTC);
    private final MessageFormatter plain = new MessageFormatter(false, CLOCK);

    private static ClientEvent.MessageReceived said(String from, String target, String text, boolean own) {
        return new ClientEvent.MessageReceived(
                NOON, from, target, text, MessageKind.MESSAGE, own, target.startsWith("#"));
    }

    private String one(MessageFormatter formatter, ClientEvent event) {
        List<DisplayLine> lines = formatter.format(event);
        assertThat(lines).hasSize(1);
        return lines.get(0).text();
    }

    @Test
    void roomMessagesUseTheSeedsFormatWithoutTheHash() {
        assertThat(one(plain, said("Alice", "#general", "hello", false))).isEqualTo("[general] [Alice]: hello");
    }

    @Test
    void ownMessagesLookTheSameButAreStyledAsOwn() {
        DisplayLine line = plain.format(said("me", "#general", "hi all", true)).get(0);
        assertThat(line.text()).isEqualTo("[general] [me]: hi all");
        assertThat(line.style()).isEqualTo(Style.OWN);
    }

    @Test
    void privateMessagesAreMarkedDm() {
        assertThat(one(plain, said("Alice", "me", "hi", false))).isEqualTo("[DM] [Alice]: hi");
        assertThat(one(plain, said("me", "Alice", "hi back", true))).isEqualTo("[DM to Alice] [me]: hi back");
    }

    @Test
    void timestampsComeFirstWhenAskedFor() {
        MessageFormatter stamped = new MessageFormatter(true, CLOCK);
        assertThat(one(stamped, said("Alice", "#general", "hello", false))).isEqualTo("12:05 [general] [Alice]: hello");
    }

    @Test
    void unicodeAndEmojiPassThroughUntouched() {
        assertThat(one(plain, said("Zoë", "#général", "héllo 👋🏽 世界", false)))
                .isEqualTo("[général] [Zoë]: héllo 👋🏽 世界");
    }

    @Test
    void actionsAndNoticesHaveTheirOwnShapes() {
        var action =
                new ClientEvent.MessageReceived(NOON, "Alice", "#general", "waves", MessageKind.ACTION, false, true);
        var notice = new ClientEvent.MessageReceived(NOON, "Alice", "#general", "fyi", MessageKind.NOTICE, false, true);
        assertThat(one(plain, action)).isEqualTo("[general] * Alice waves");
        assertThat(one(plain, notice)).isEqualTo("[general] -Alice- fyi");
    }

    @Test
    void roomEventsAreDimOneLiners() {
        assertThat(plain.format(new ClientEvent.Joined("#general", "bob", false))
                        .get(0))
                .isEqualTo(new DisplayLine(Style.EVENT, "[general] bob joined"));
        assertThat(one(plain, new ClientEvent.Parted("#general", "bob", "bye", false)))
                .isEqualTo("[general] bob left (bye)");
        assertThat(one(plain, new ClientEvent.Quit("bob", "Quit: zzz"))).isEqualTo("bob quit (Quit: zzz)");
        assertThat(one(plain, new ClientEvent.TopicChanged("#general", "Be nice", "admin")))
                .isEqualTo("[general] admin set the topic: Be nice");
        assertThat(one(plain, new ClientEvent.NickChanged("bob", "robert", false)))
                .isEqualTo("bob is now known as robert");
    }

    @Test
    void beingKickedSaysByWhomAndWhyAsAnError() {
        DisplayLine line = plain.format(new ClientEvent.Kicked("#general", "me", "admin", "spam", true))
                .get(0);
        assertThat(line).isEqualTo(new DisplayLine(Style.ERROR, "[general] You were kicked by admin: spam"));
    }

    @Test
    void serverErrorsAreExplained() {
        assertThat(plain.format(new ClientEvent.ServerError("421", "REGISTER: Unknown command"))
                        .get(0))
                .isEqualTo(DisplayLine.error(
                        "Accounts are not available on this server yet, so /register does nothing here."));
        assertThat(one(plain, new ClientEvent.ServerError("465", "You are banned from this server: spam")))
                .isEqualTo("You are banned from this server: spam");
    }

    @Test
    void aLostConnectionSaysWhenItRetries() {
        assertThat(one(plain, new ClientEvent.Disconnected("Server shutting down", Duration.ofSeconds(2))))
                .isEqualTo("Connection lost: Server shutting down. Reconnecting in 2 s…");
        assertThat(one(plain, new ClientEvent.Reconnected("me", List.of("#general", "#dev"))))
                .isEqualTo("Reconnected as me; rejoining general, dev");
    }

    @Test
    void historyIsFramedAndDated() {
        var replay = new ClientEvent.HistoryReplayed("#general", List.of(said("Alice", "#general", "earlier", false)));
        assertThat(plain.format(replay))
                .extracting(DisplayLine::text)
                .containsExactly(
                        "[general] History (1 message)",
                        "2025-03-01 12:05 [general] [Alice]: earlier",
                        "[general] End of history");
    }

    @Test
    void theRoomListReadsAsSentences() {
        assertThat(one(plain, new ClientEvent.RoomListed("#general", 3, "Be kind")))
                .isEqualTo("* general (3 people): Be kind");
        assertThat(one(plain, new ClientEvent.RoomListed("#quiet", 1, ""))).isEqualTo("* quiet (1 person)");
    }

    @Test
    void aMessageKnowsWhoSpokeSoTheirNickCanBeColoured() {
        assertThat(plain.format(said("Alice", "#general", "hello", false))
                        .get(0)
                        .nick())
                .isEqualTo("Alice");
    }

    @Test
    void aMultiLineMessageIndentsItsFurtherLinesUnderTheFirst() {
        MessageFormatter stamped = new MessageFormatter(true, CLOCK);
        assertThat(stamped.format(said("bob", "#general", "look:\n  x = 1\n\nok", false)))
                .extracting(DisplayLine::text)
                .containsExactly(
                        "12:05 [general] [bob]: look:",
                        "                         x = 1",
                        "                       ",
                        "                       ok");
    }

    @Test
    void aMultiLineMessageInHistoryIsIndentedUnderItsDateToo() {
        var replay = new ClientEvent.HistoryReplayed("#general", List.of(said("bob", "#general", "a\nb", false)));
        assertThat(plain.format(replay))
                .extracting(DisplayLine::text)
                .containsExactly(
                        "[general] History (1 message)",
                        "2025-03-01 12:05 [general] [bob]: a",
                        "                                  b",
                        "[general] End of history");
    }

    @Test
    void searchResultsNameTheirConversationAndTimeThenTheCount() {
        var results = new ClientEvent.SearchResults(
                "deploy",
                List.of(
                        said("bob", "#ops", "deploy done", false),
                        said("me", "carol", "deploy\ntomorrow?", true),
                        new ClientEvent.MessageReceived(
                                NOON, "dave", "#ops", "deploys", MessageKind.ACTION, false, true)));
        assertThat(plain.format(results))
                .extracting(DisplayLine::text)
                .containsExactly(
                        "[#ops 2025-03-01 12:05] <bob> deploy done",
                        "[carol 2025-03-01 12:05] <me> deploy",
                        "                              tomorrow?",
                        "[#ops 2025-03-01 12:05] * dave deploys",
                        "3 results for deploy");
    }

    @Test
    void noResultsAndFailuresAreOnePlainSentence() {
        assertThat(one(plain, new ClientEvent.SearchResults("zebra", List.of())))
                .isEqualTo("No results for zebra");
        assertThat(plain.format(new ClientEvent.SearchResults("x", List.of(said("a", "#b", "x", false)))))
                .last()
                .extracting(DisplayLine::text)
                .isEqualTo("1 result for x");
        DisplayLine failed = plain.format(new ClientEvent.SearchFailed(
                        "deploy", "INVALID_PARAMS", "You cannot read the history of #secret"))
                .get(0);
        assertThat(failed.text()).isEqualTo("Search for deploy failed: You cannot read the history of #secret");
        assertThat(failed.style()).isEqualTo(Style.ERROR);
    }
}
