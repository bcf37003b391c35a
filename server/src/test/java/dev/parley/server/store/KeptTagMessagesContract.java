package dev.parley.server.store;

import static dev.parley.server.store.Messages.at;
import static dev.parley.server.store.Messages.directMessage;
import static dev.parley.server.store.Messages.roomMessage;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link MessageStore} must do with kept events (TAGMSG reactions: no text, client tags;
 * TOPIC changes): keep them whole, return them only to reads that ask ({@link Playback#EVENTS}),
 * counted in the limit, and leave them out of targets and search. Holds the store's life cycle for {@link
 * MessageStoreContract}, which extends it, so every store's test runs these too.
 */
public abstract class KeptTagMessagesContract {

    protected MessageStore store;

    /** A new, empty store. */
    protected abstract MessageStore newStore() throws Exception;

    /** Releases what {@link #newStore} opened. */
    protected void closeStore() throws Exception {
        store.close();
    }

    @BeforeEach
    void openStore() throws Exception {
        store = newStore();
    }

    @AfterEach
    void releaseStore() throws Exception {
        closeStore();
    }

    /** A reaction, as history keeps it: TAGMSG, empty text, its client tags. */
    protected static StoredMessage reaction(StoredMessage to, String msgid, long millis, String emoji) {
        return new StoredMessage(
                msgid,
                at(millis),
                to.historyKey(),
                to.target(),
                "bob",
                "bob!b@host",
                "bob",
                "~bob",
                Playback.TAGMSG,
                "",
                Map.of("+draft/react", emoji, "+draft/reply", to.msgid()));
    }

    /** A search of all history, without words. */
    private static SearchQuery everything(Optional<String> fromNick) {
        return new SearchQuery(
                SearchQuery.Readable.all(),
                Optional.empty(),
                fromNick,
                Optional.empty(),
                Optional.empty(),
                List.of(),
                10,
                Duration.ofSeconds(5));
    }

    private static List<String> ids(List<StoredMessage> messages) {
        return messages.stream().map(StoredMessage::msgid).toList();
    }

    /** m1 at 10, a reaction to it at 20, m2 at 30, in #general. */
    private StoredMessage appendReactedPair() {
        StoredMessage first = roomMessage("m1", 10, "#general");
        StoredMessage reaction = reaction(first, "r1", 20, "👍🏽");
        store.appendAll(List.of(first, reaction, roomMessage("m2", 30, "#general")));
        return reaction;
    }

    @Test
    void aKeptTagmsgComesBackWholeWithItsTagsAndEmptyText() {
        StoredMessage reaction = appendReactedPair();

        assertThat(store.latest("#general", Optional.empty(), 10, Playback.EVENTS))
                .element(1)
                .isEqualTo(reaction);
        assertThat(store.findByMsgId("#general", "r1")).contains(reaction);
    }

    @Test
    void pageReadsReturnKeptTagmsgsOnlyWhenAskedAndCountThemInTheLimit() {
        appendReactedPair();

        assertThat(ids(store.latest("#general", Optional.empty(), 10))).containsExactly("m1", "m2");
        assertThat(ids(store.latest("#general", Optional.empty(), 10, Playback.EVENTS)))
                .containsExactly("m1", "r1", "m2");
        assertThat(ids(store.latest("#general", Optional.empty(), 2, Playback.EVENTS)))
                .containsExactly("r1", "m2");
        assertThat(ids(store.latest("#general", Optional.empty(), 2, Playback.MESSAGES)))
                .containsExactly("m1", "m2");
        assertThat(ids(store.latest("#general", Optional.of(at(10)), 10, Playback.EVENTS)))
                .containsExactly("r1", "m2");
        assertThat(ids(store.before("#general", at(30), 1, Playback.EVENTS))).containsExactly("r1");
        assertThat(ids(store.before("#general", at(30), 1))).containsExactly("m1");
        assertThat(ids(store.after("#general", at(10), 1, Playback.EVENTS))).containsExactly("r1");
        assertThat(ids(store.after("#general", at(10), 1))).containsExactly("m2");
        assertThat(ids(store.between("#general", at(10), at(30), 10, Playback.EVENTS)))
                .containsExactly("r1");
        assertThat(store.between("#general", at(10), at(30), 10)).isEmpty();
        assertThat(ids(store.between("#general", at(30), at(0), 2, Playback.EVENTS)))
                .containsExactly("m1", "r1");
    }

    @Test
    void aPrivateReactionIsKeptUnderItsConversation() {
        StoredMessage hi = directMessage("d1", 10, "alice", "bob");
        store.appendAll(List.of(hi, reaction(hi, "r1", 20, "❤")));

        assertThat(ids(store.latest(hi.historyKey(), Optional.empty(), 10, Playback.EVENTS)))
                .containsExactly("d1", "r1");
        assertThat(ids(store.latest(hi.historyKey(), Optional.empty(), 10))).containsExactly("d1");
    }

    @Test
    void targetsAndSearchNeverListKeptTagmsgs() {
        StoredMessage old = roomMessage("m1", 10, "#general");
        store.appendAll(List.of(
                old,
                reaction(old, "r1", 50, "👍"),
                reaction(roomMessage("x", 5, "#quiet"), "r2", 20, "👍"),
                roomMessage("m2", 10, "#other")));

        // #general's newest message is m1 (the reaction past the window does not hide it); #quiet has
        // nothing but a reaction.
        assertThat(store.targets("~bob", List.of("#general", "#quiet", "#other"), at(0), at(40), 10))
                .extracting(TargetActivity::historyKey)
                .containsExactlyInAnyOrder("#general", "#other");
        assertThat(store.search(everything(Optional.of("bob")))).isEmpty();
        assertThat(ids(store.search(everything(Optional.empty())))).containsExactlyInAnyOrder("m1", "m2");
    }

    @Test
    void aTopicChangeIsAnEventToo() {
        StoredMessage first = roomMessage("m1", 10, "#general");
        StoredMessage topic = new StoredMessage(
                "t1",
                at(20),
                "#general",
                "#General",
                "bob",
                "bob!b@host",
                null,
                "!bob",
                Playback.TOPIC,
                "new topic",
                Map.of());
        store.appendAll(List.of(first, topic));

        assertThat(store.latest("#general", Optional.empty(), 10, Playback.EVENTS))
                .containsExactly(first, topic);
        assertThat(ids(store.latest("#general", Optional.empty(), 10))).containsExactly("m1");
        assertThat(ids(store.search(everything(Optional.of("bob"))))).isEmpty();
    }

    @Test
    void aKeptTagmsgIsDeletedByMsgidLikeAnyMessage() {
        appendReactedPair();

        assertThat(store.deleteByMsgId("#general", "r1")).isTrue();

        assertThat(store.findByMsgId("#general", "r1")).isEmpty();
        assertThat(ids(store.latest("#general", Optional.empty(), 10, Playback.EVENTS)))
                .containsExactly("m1", "m2");
    }
}
