package dev.parley.server.store;

import static dev.parley.server.store.Messages.at;
import static dev.parley.server.store.Messages.directMessage;
import static dev.parley.server.store.Messages.roomMessage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.name.CaseMapping;
import dev.parley.server.chat.MultilineText;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What every {@link MessageStore} must do; each implementation's test extends this. What it must do
 * with kept TAGMSGs, and the store's life cycle, are in {@link KeptTagMessagesContract}.
 */
public abstract class MessageStoreContract extends KeptTagMessagesContract {

    private static List<String> ids(List<StoredMessage> messages) {
        return messages.stream().map(StoredMessage::msgid).toList();
    }

    private void appendTen() {
        for (int i = 1; i <= 10; i++) {
            store.appendAll(List.of(roomMessage("m" + i, i * 10L, "#general")));
        }
    }

    @Test
    void appendingAKnownMsgidAgainStoresNothingNew() {
        store.appendAll(List.of(roomMessage("a", 1, "#general"), roomMessage("b", 2, "#general")));
        store.appendAll(List.of(
                roomMessage("b", 2, "#general"), roomMessage("c", 3, "#general"), roomMessage("c", 3, "#general")));

        assertThat(store.count()).isEqualTo(3);
        assertThat(ids(store.latest("#general", Optional.empty(), 10))).containsExactly("a", "b", "c");
    }

    @Test
    void emojiAndOtherFourByteCharactersComeBackIntact() {
        StoredMessage sent = new StoredMessage(
                "u1",
                at(7),
                "#café",
                "#Café",
                "Zoë",
                "Zoë!z@h",
                null,
                null,
                "PRIVMSG",
                "hello 👋 — 𝄞 ünïcödé 中文",
                Map.of("+react", "🎉"));
        store.appendAll(List.of(sent));

        assertThat(store.findByMsgId("#café", "u1")).contains(sent);
    }

    private static StoredMessage said(String msgid, long millis, String key, String nick, String text) {
        return new StoredMessage(
                msgid, at(millis), key, key, nick, nick + "!u@h", null, "!g-" + nick, "PRIVMSG", text, Map.of());
    }

    private static SearchQuery searchIn(SearchQuery.Readable readable, String words) {
        return new SearchQuery(
                readable,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                SearchQuery.wordsOf(words),
                50,
                java.time.Duration.ofSeconds(5));
    }

    private void appendSearchable() {
        store.appendAll(List.of(
                said("s1", 10, "#general", "Alice", "Deploying the rocket tonight"),
                said("s2", 20, "#general", "bob", "Which ROCKET? the blue rocket"),
                said("s3", 30, "#secret", "carol", "the secret rocket launch code"),
                said("s4", 40, "#general", "bob", "rockets are loud"),
                said("s5", 50, "#general", "alice", "Déjà vu, café rocket"),
                directMessage("d1", 60, "bob", "dave"),
                directMessage("d2", 70, "erin", "frank")));
    }

    @Test
    void searchFindsWholeWordsInAnyCaseAndEveryWordMustMatch() {
        appendSearchable();
        SearchQuery.Readable general = SearchQuery.Readable.of(List.of("#general"), null);

        assertThat(ids(store.search(searchIn(general, "rocket")))).containsExactly("s1", "s2", "s5");
        assertThat(ids(store.search(searchIn(general, "Rocket BLUE")))).containsExactly("s2");
        assertThat(ids(store.search(searchIn(general, "rocket submarine")))).isEmpty();
        assertThat(ids(store.search(searchIn(general, "café")))).containsExactly("s5");
    }

    @Test
    void searchNeverReturnsWhatTheSearcherMayNotRead() {
        appendSearchable();
        SearchQuery.Readable general = SearchQuery.Readable.of(List.of("#general"), "bob");
        SearchQuery inSecret = new SearchQuery(
                general,
                Optional.of("#secret"),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                SearchQuery.wordsOf("rocket"),
                50,
                java.time.Duration.ofSeconds(5));

        assertThat(ids(store.search(searchIn(general, "rocket")))).doesNotContain("s3");
        assertThat(store.search(inSecret)).isEmpty();
        assertThat(ids(store.search(searchIn(general, "text")))).containsExactly("d1"); // bob's DM, not erin's
        assertThat(ids(store.search(searchIn(SearchQuery.Readable.of(List.of(), null), "rocket"))))
                .isEmpty();
        assertThat(ids(store.search(searchIn(SearchQuery.Readable.all(), "rocket"))))
                .containsExactly("s1", "s2", "s3", "s5");
    }

    @Test
    void searchFiltersBySenderAndTimeAndKeepsTheLatestOrTheEarliest() {
        appendSearchable();
        SearchQuery.Readable all = SearchQuery.Readable.all();
        SearchQuery fromBob = new SearchQuery(
                all,
                Optional.empty(),
                Optional.of("BOB"),
                Optional.empty(),
                Optional.empty(),
                List.of(),
                50,
                java.time.Duration.ofSeconds(5));
        SearchQuery latestTwo = new SearchQuery(
                all,
                Optional.of("#general"),
                Optional.empty(),
                Optional.empty(),
                Optional.of(at(50)),
                List.of(),
                2,
                java.time.Duration.ofSeconds(5));
        SearchQuery earliestTwoFrom20 = new SearchQuery(
                all,
                Optional.of("#general"),
                Optional.empty(),
                Optional.of(at(20)),
                Optional.empty(),
                List.of(),
                2,
                java.time.Duration.ofSeconds(5));

        assertThat(ids(store.search(fromBob))).containsExactly("s2", "s4", "d1");
        assertThat(ids(store.search(latestTwo))).containsExactly("s4", "s5");
        assertThat(ids(store.search(earliestTwoFrom20))).containsExactly("s2", "s4");
    }

    @Test
    void aMessageFoundAndThenRedactedIsNoLongerFoundAndTheRestStillIs() {
        appendSearchable();
        assertThat(ids(store.search(searchIn(SearchQuery.Readable.all(), "blue"))))
                .containsExactly("s2");

        store.deleteByMsgId("#general", "s2");
        store.appendAll(List.of(said("s6", 60, "#general", "bob", "another blue thing")));

        assertThat(ids(store.search(searchIn(SearchQuery.Readable.all(), "blue"))))
                .containsExactly("s6");
        assertThat(ids(store.search(searchIn(SearchQuery.Readable.all(), "rocket"))))
                .containsExactly("s1", "s3", "s5");
    }

    @Test
    void aRedactedMessageIsNoLongerFound() {
        appendSearchable();
        store.deleteByMsgId("#general", "s2");

        assertThat(ids(store.search(searchIn(SearchQuery.Readable.all(), "blue"))))
                .isEmpty();
    }

    @Test
    void aMultiLineMessageComesBackWhole() {
        String text = "def f(x):\n\n    return x + 1\ndone";
        StoredMessage sent = new StoredMessage(
                "m1",
                at(8),
                "#general",
                "#general",
                "ann",
                "ann!a@h",
                null,
                null,
                "PRIVMSG",
                text,
                Map.of(MultilineText.STORED_CONCAT_TAG, "24,30", "+draft/reply", "x"));
        store.appendAll(List.of(sent));

        assertThat(store.findByMsgId("#general", "m1")).contains(sent);
        assertThat(store.latest("#general", Optional.empty(), 1)).containsExactly(sent);
    }

    @Test
    void everyFieldComesBackAsStored() {
        StoredMessage sent = new StoredMessage(
                "x1",
                at(5),
                "#general",
                "#General",
                "Bob",
                "Bob!b@example.org",
                "bobacct",
                "~bobacct",
                "NOTICE",
                "\u0001ACTION waves; twice\u0001",
                Map.of("+draft/reply", "a;b c\\d", "+typing", ""));
        StoredMessage noAccount = new StoredMessage(
                "x2",
                at(6),
                "#general",
                "#general",
                "eve",
                "eve!e@h",
                null,
                "!Xy-_0aZ9Xy-_0aZ9Xy-_0a",
                "PRIVMSG",
                "",
                Map.of());
        store.appendAll(List.of(sent, noAccount));

        assertThat(store.findByMsgId("#general", "x1")).contains(sent);
        assertThat(store.findByMsgId("#general", "x2")).contains(noAccount);
    }

    @Test
    void messagesAtTheSameMillisecondKeepInsertionOrder() {
        store.appendAll(List.of(roomMessage("z", 5, "#general"), roomMessage("a", 5, "#general")));
        store.appendAll(List.of(roomMessage("m", 5, "#general"), roomMessage("early", 1, "#general")));

        assertThat(ids(store.latest("#general", Optional.empty(), 10))).containsExactly("early", "z", "a", "m");
        assertThat(ids(store.after("#general", at(0), 10))).containsExactly("early", "z", "a", "m");
    }

    @Test
    void latestReturnsTheNewestInChronologicalOrder() {
        appendTen();

        assertThat(ids(store.latest("#general", Optional.empty(), 3))).containsExactly("m8", "m9", "m10");
        assertThat(ids(store.latest("#general", Optional.of(at(80)), 5))).containsExactly("m9", "m10");
        assertThat(ids(store.latest("#general", Optional.of(at(20)), 2))).containsExactly("m9", "m10");
    }

    @Test
    void beforeExcludesTheAnchorAndKeepsTheNearest() {
        appendTen();

        assertThat(ids(store.before("#general", at(50), 2))).containsExactly("m3", "m4");
        assertThat(ids(store.before("#general", at(15), 5))).containsExactly("m1");
        assertThat(store.before("#general", at(10), 5)).isEmpty();
    }

    @Test
    void afterExcludesTheAnchorAndKeepsTheNearest() {
        appendTen();

        assertThat(ids(store.after("#general", at(50), 2))).containsExactly("m6", "m7");
        assertThat(store.after("#general", at(100), 5)).isEmpty();
    }

    @Test
    void betweenExcludesBothEnds() {
        appendTen();

        assertThat(ids(store.between("#general", at(20), at(60), 10))).containsExactly("m3", "m4", "m5");
        assertThat(store.between("#general", at(50), at(50), 10)).isEmpty();
    }

    @Test
    void betweenKeepsTheMessagesNearestFrom() {
        appendTen();

        assertThat(ids(store.between("#general", at(20), at(90), 2))).containsExactly("m3", "m4");
        assertThat(ids(store.between("#general", at(90), at(20), 2))).containsExactly("m7", "m8");
    }

    @Test
    void aZeroLimitReturnsNothing() {
        appendTen();

        assertThat(store.latest("#general", Optional.empty(), 0)).isEmpty();
        assertThat(store.before("#general", at(1000), 0)).isEmpty();
        assertThat(store.targets("alice", List.of("#general"), at(0), at(1000), 0))
                .isEmpty();
    }

    @Test
    void conversationsDoNotMix() {
        store.appendAll(List.of(
                roomMessage("g", 1, "#general"),
                roomMessage("d", 2, "#dev-team"),
                directMessage("p", 3, "alice", "bob")));

        assertThat(ids(store.latest("#general", Optional.empty(), 10))).containsExactly("g");
        assertThat(ids(store.latest("#dev-team", Optional.empty(), 10))).containsExactly("d");
        assertThat(store.findByMsgId("#dev-team", "g")).isEmpty();
        assertThat(store.findByMsgId("#general", "unknown")).isEmpty();
        assertThat(store.latest("#nowhere", Optional.empty(), 10)).isEmpty();
    }

    @Test
    void bothSidesOfAPrivateConversationShareOneKey() {
        store.appendAll(List.of(directMessage("p1", 1, "Alice", "bob"), directMessage("p2", 2, "BOB", "alice")));

        String key = DirectKey.of(CaseMapping.RFC1459, "bob", "ALICE").historyKey();
        assertThat(key).isEqualTo("alice bob");
        assertThat(ids(store.latest(key, Optional.empty(), 10))).containsExactly("p1", "p2");
    }

    @Test
    void targetsListTheGivenRoomsAndTheNicksConversationsOldestActivityFirst() {
        store.appendAll(List.of(
                roomMessage("g1", 10, "#general"),
                directMessage("ab1", 20, "alice", "bob"),
                roomMessage("d1", 30, "#dev-team"),
                directMessage("cb1", 40, "carol", "bob"),
                roomMessage("g2", 50, "#general"),
                directMessage("ac1", 60, "carol", "alice"),
                roomMessage("o1", 70, "#other")));

        List<TargetActivity> targets = store.targets("alice", List.of("#general", "#dev-team"), at(0), at(100), 10);

        assertThat(targets)
                .extracting(TargetActivity::historyKey)
                .containsExactly("alice bob", "#dev-team", "#general", "alice carol");
        assertThat(targets).extracting(t -> t.lastMessage().msgid()).containsExactly("ab1", "d1", "g2", "ac1");
        assertThat(targets.get(2).latest()).isEqualTo(at(50));
    }

    @Test
    void targetsExcludeTheWindowEndsAndHonourTheLimitFromTheFirstTime() {
        store.appendAll(List.of(
                roomMessage("g1", 10, "#general"),
                directMessage("ab1", 20, "alice", "bob"),
                roomMessage("d1", 30, "#dev-team"),
                roomMessage("g2", 50, "#general"),
                directMessage("ac1", 60, "carol", "alice")));
        List<String> rooms = List.of("#general", "#dev-team");

        assertThat(store.targets("alice", rooms, at(10), at(50), 10))
                .extracting(TargetActivity::historyKey)
                .containsExactly("alice bob", "#dev-team");
        assertThat(store.targets("alice", rooms, at(10), at(50), 10).get(0).latest())
                .isEqualTo(at(20));
        assertThat(store.targets("alice", rooms, at(0), at(100), 2))
                .extracting(TargetActivity::historyKey)
                .containsExactly("alice bob", "#dev-team");
        assertThat(store.targets("alice", rooms, at(100), at(0), 2))
                .extracting(TargetActivity::historyKey)
                .containsExactly("#general", "alice carol");
        assertThat(store.targets("bob", List.of(), at(0), at(100), 10))
                .extracting(TargetActivity::historyKey)
                .containsExactly("alice bob");
    }

    @Test
    void aTargetWhoseLatestMessageIsPastTheWindowIsNotListed() {
        store.appendAll(List.of(
                roomMessage("g1", 10, "#general"),
                roomMessage("d1", 20, "#dev-team"),
                roomMessage("g2", 40, "#general")));
        List<String> rooms = List.of("#general", "#dev-team");

        assertThat(store.targets("alice", rooms, at(0), at(30), 10))
                .extracting(TargetActivity::historyKey)
                .containsExactly("#dev-team");
        assertThat(store.targets("alice", rooms, at(30), at(0), 10))
                .extracting(TargetActivity::historyKey)
                .containsExactly("#dev-team");
        assertThat(store.targets("alice", rooms, at(0), at(41), 10))
                .extracting(TargetActivity::historyKey)
                .containsExactly("#dev-team", "#general");
    }

    @Test
    void aDeletedMessageIsGoneFromEveryQueryAndOnlyItsOwnConversationCanDeleteIt() {
        store.appendAll(List.of(
                roomMessage("g1", 10, "#general"),
                roomMessage("g2", 20, "#general"),
                directMessage("p1", 20, "alice", "bob"),
                roomMessage("g3", 30, "#general")));

        assertThat(store.deleteByMsgId("#dev-team", "g2")).isFalse();
        assertThat(store.deleteByMsgId("#general", "g2")).isTrue();
        assertThat(store.deleteByMsgId("#general", "g2")).isFalse();
        assertThat(store.deleteByMsgId("#general", "unknown")).isFalse();

        assertThat(store.findByMsgId("#general", "g2")).isEmpty();
        assertThat(ids(store.latest("#general", Optional.empty(), 10))).containsExactly("g1", "g3");
        assertThat(ids(store.after("#general", at(0), 10))).containsExactly("g1", "g3");
        assertThat(ids(store.before("#general", at(100), 10))).containsExactly("g1", "g3");
        assertThat(ids(store.between("#general", at(0), at(100), 10))).containsExactly("g1", "g3");
        assertThat(store.count()).isEqualTo(3);
    }

    @Test
    void deletingTheLastMessageOfAConversationLeavesItOutOfTargets() {
        store.appendAll(List.of(roomMessage("only", 10, "#general")));

        assertThat(store.deleteByMsgId("#general", "only")).isTrue();
        assertThat(store.latest("#general", Optional.empty(), 10)).isEmpty();
        assertThat(store.targets("alice", List.of("#general"), at(0), at(100), 10))
                .isEmpty();
    }

    @Test
    void deleteBeforeRemovesTheOldestFirstInBatches() {
        store.appendAll(List.of(
                roomMessage("a1", 10, "#general"),
                directMessage("d1", 20, "alice", "bob"),
                roomMessage("a2", 30, "#general"),
                roomMessage("a3", 40, "#general")));

        assertThat(store.deleteBefore(at(35), 2)).isEqualTo(2);
        assertThat(store.latest("#general", Optional.empty(), 10))
                .extracting(StoredMessage::msgid)
                .containsExactly("a2", "a3");
        assertThat(store.deleteBefore(at(35), 2)).isEqualTo(1);
        assertThat(store.deleteBefore(at(35), 2)).isZero();
        assertThat(store.count()).isEqualTo(1);
        assertThat(store.findByMsgId("#general", "a2")).isEmpty();
    }

    @Test
    void deleteBeyondKeepsTheNewestOfOneConversation() {
        store.appendAll(List.of(
                roomMessage("g1", 10, "#general"),
                roomMessage("g2", 20, "#general"),
                roomMessage("g3", 20, "#general"),
                roomMessage("g4", 30, "#general"),
                roomMessage("o1", 5, "#other")));

        assertThat(store.keysOver(2)).containsExactly("#general");
        assertThat(store.deleteBeyond("#general", 2, 1)).isEqualTo(1);
        assertThat(store.deleteBeyond("#general", 2, 10)).isEqualTo(1);
        assertThat(store.deleteBeyond("#general", 2, 10)).isZero();
        assertThat(store.latest("#general", Optional.empty(), 10))
                .extracting(StoredMessage::msgid)
                .containsExactly("g3", "g4");
        assertThat(store.keysOver(2)).isEmpty();
        assertThat(store.latest("#other", Optional.empty(), 10)).hasSize(1);
    }
}
