package dev.parley.server.history;

import static dev.parley.server.store.Messages.at;
import static dev.parley.server.store.Messages.directMessage;
import static dev.parley.server.store.Messages.roomMessage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.config.HistoryConfig;
import dev.parley.server.history.HistoryAnchor.ByMsgId;
import dev.parley.server.history.HistoryAnchor.ByTime;
import dev.parley.server.store.StoredMessage;
import dev.parley.server.store.TargetActivity;
import dev.parley.server.store.memory.InMemoryMessageStore;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StoredHistoryTest {

    private static final String ROOM = "#general";

    private final ExecutorService readPool =
            Executors.newSingleThreadExecutor(r -> new Thread(r, "parley-history-read-test"));
    private final InMemoryMessageStore store = new InMemoryMessageStore();
    private final StoredHistory history = new StoredHistory(store, config(1000), readPool);

    @AfterEach
    void stopPool() {
        readPool.shutdownNow();
    }

    private static HistoryConfig config(int maxPageSize) {
        return new HistoryConfig(
                true,
                Duration.ofMillis(100),
                500,
                1000,
                maxPageSize,
                50,
                HistoryConfig.Durability.INTERVAL,
                1L << 20,
                Duration.ZERO,
                0,
                Duration.ofMinutes(1));
    }

    /** m1..m10 at 10 ms steps, then a, b, c sharing millisecond 200, then d at 300. */
    private void appendConversation() {
        for (int i = 1; i <= 10; i++) {
            store.appendAll(List.of(roomMessage("m" + i, i * 10L, ROOM)));
        }
        store.appendAll(List.of(
                roomMessage("a", 200, ROOM),
                roomMessage("b", 200, ROOM),
                roomMessage("c", 200, ROOM),
                roomMessage("d", 300, ROOM)));
    }

    private static <T> T result(CompletionStage<T> stage) throws Exception {
        return stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static List<String> ids(CompletionStage<List<StoredMessage>> stage) throws Exception {
        return result(stage).stream().map(StoredMessage::msgid).toList();
    }

    @Test
    void queriesRunOnTheReadPoolNotOnTheCallersThread() throws Exception {
        appendConversation();
        CountDownLatch poolBusy = new CountDownLatch(1);
        readPool.execute(() -> awaitQuietly(poolBusy));

        CompletionStage<List<StoredMessage>> page = history.latest(ROOM, Optional.empty(), 1);

        assertThat(page.toCompletableFuture()).isNotDone();
        poolBusy.countDown();
        assertThat(ids(page)).containsExactly("d");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void latestPagesFromTheNewestAndAfterAnAnchor() throws Exception {
        appendConversation();

        assertThat(ids(history.latest(ROOM, Optional.empty(), 3))).containsExactly("b", "c", "d");
        assertThat(ids(history.latest(ROOM, Optional.of(new ByMsgId("m9")), 100)))
                .containsExactly("m10", "a", "b", "c", "d");
        assertThat(ids(history.latest(ROOM, Optional.of(new ByMsgId("a")), 100)))
                .containsExactly("b", "c", "d");
        assertThat(ids(history.latest(ROOM, Optional.of(new ByTime(at(200))), 100)))
                .containsExactly("d");
    }

    @Test
    void anUnknownMsgidYieldsNothing() throws Exception {
        appendConversation();
        store.appendAll(List.of(roomMessage("elsewhere", 5, "#other")));

        assertThat(result(history.before(ROOM, new ByMsgId("nope"), 10))).isEmpty();
        assertThat(result(history.after(ROOM, new ByMsgId("elsewhere"), 10))).isEmpty();
        assertThat(result(history.latest(ROOM, Optional.of(new ByMsgId("nope")), 10)))
                .isEmpty();
        assertThat(result(history.between(ROOM, new ByMsgId("m1"), new ByMsgId("nope"), 10)))
                .isEmpty();
    }

    @Test
    void beforeAndAfterAreExclusiveOfTheAnchor() throws Exception {
        appendConversation();

        assertThat(ids(history.before(ROOM, new ByMsgId("m5"), 2))).containsExactly("m3", "m4");
        assertThat(ids(history.after(ROOM, new ByMsgId("m5"), 2))).containsExactly("m6", "m7");
        assertThat(ids(history.before(ROOM, new ByTime(at(50)), 2))).containsExactly("m3", "m4");
        assertThat(ids(history.after(ROOM, new ByTime(at(50)), 2))).containsExactly("m6", "m7");
    }

    @Test
    void pagingByMsgidKeepsMessagesThatShareTheAnchorsMillisecond() throws Exception {
        appendConversation();

        assertThat(ids(history.before(ROOM, new ByMsgId("b"), 3))).containsExactly("m9", "m10", "a");
        assertThat(ids(history.after(ROOM, new ByMsgId("b"), 3))).containsExactly("c", "d");
        assertThat(ids(history.before(ROOM, new ByTime(at(200)), 3))).containsExactly("m8", "m9", "m10");
        assertThat(ids(history.after(ROOM, new ByTime(at(200)), 3))).containsExactly("d");
    }

    @Test
    void aroundTakesAboutHalfBeforeAndTheRestFromTheAnchorOn() throws Exception {
        appendConversation();

        assertThat(ids(history.around(ROOM, new ByMsgId("m5"), 4))).containsExactly("m3", "m4", "m5", "m6");
        assertThat(ids(history.around(ROOM, new ByTime(at(50)), 5))).containsExactly("m3", "m4", "m5", "m6", "m7");
        assertThat(ids(history.around(ROOM, new ByMsgId("b"), 4))).containsExactly("m10", "a", "b", "c");
        assertThat(ids(history.around(ROOM, new ByMsgId("m1"), 4))).containsExactly("m1", "m2", "m3", "m4");
    }

    @Test
    void betweenIsExclusiveAndCountsFromTheFirstAnchorButIsAlwaysChronological() throws Exception {
        appendConversation();

        assertThat(ids(history.between(ROOM, new ByMsgId("m2"), new ByMsgId("m6"), 10)))
                .containsExactly("m3", "m4", "m5");
        assertThat(ids(history.between(ROOM, new ByMsgId("m2"), new ByMsgId("m9"), 2)))
                .containsExactly("m3", "m4");
        assertThat(ids(history.between(ROOM, new ByMsgId("m9"), new ByMsgId("m2"), 2)))
                .containsExactly("m7", "m8");
        assertThat(ids(history.between(ROOM, new ByTime(at(20)), new ByTime(at(60)), 10)))
                .containsExactly("m3", "m4", "m5");
    }

    @Test
    void betweenMsgidsSharingAMillisecondFindsWhatLiesBetweenThem() throws Exception {
        appendConversation();

        assertThat(ids(history.between(ROOM, new ByMsgId("a"), new ByMsgId("c"), 10)))
                .containsExactly("b");
        assertThat(ids(history.between(ROOM, new ByMsgId("c"), new ByMsgId("a"), 10)))
                .containsExactly("b");
        assertThat(ids(history.between(ROOM, new ByMsgId("m10"), new ByMsgId("b"), 10)))
                .containsExactly("a");
        assertThat(ids(history.between(ROOM, new ByMsgId("d"), new ByMsgId("a"), 10)))
                .containsExactly("b", "c");
    }

    @Test
    void limitsAreCappedAtTheMaximumPageSize() throws Exception {
        appendConversation();
        StoredHistory capped = new StoredHistory(store, config(3), readPool);

        assertThat(ids(capped.latest(ROOM, Optional.empty(), 100))).hasSize(3);
        assertThat(ids(capped.after(ROOM, new ByTime(at(0)), 100))).containsExactly("m1", "m2", "m3");
        assertThat(ids(capped.latest(ROOM, Optional.empty(), -5))).isEmpty();
    }

    @Test
    void targetsListRoomsAndPrivateConversations() throws Exception {
        store.appendAll(List.of(roomMessage("g", 10, ROOM), directMessage("p", 20, "bob", "Alice")));

        List<TargetActivity> targets = result(history.targets("alice", List.of(ROOM), at(0), at(100), 10));

        assertThat(targets).extracting(TargetActivity::historyKey).containsExactly(ROOM, "alice bob");
    }

    @Test
    void redactDeletesOnlyWhatTheCheckAllows() throws Exception {
        store.appendAll(List.of(roomMessage("mine", 10, ROOM), roomMessage("theirs", 20, ROOM)));

        assertThat(result(history.redact(ROOM, "theirs", m -> false))).isEqualTo(Redaction.FORBIDDEN);
        assertThat(result(history.redact(ROOM, "nope", m -> true))).isEqualTo(Redaction.UNKNOWN_MSGID);
        assertThat(result(history.redact("#other", "mine", m -> true))).isEqualTo(Redaction.UNKNOWN_MSGID);
        assertThat(result(history.redact(ROOM, "mine", m -> m.msgid().equals("mine"))))
                .isEqualTo(Redaction.REDACTED);
        assertThat(result(history.redact(ROOM, "mine", m -> true))).isEqualTo(Redaction.UNKNOWN_MSGID);
        assertThat(ids(history.latest(ROOM, Optional.empty(), 10))).containsExactly("theirs");
    }

    @Test
    void redactDeletesNothingWhileTheWriterHasNotWrittenWhatCameBefore() throws Exception {
        store.appendAll(List.of(roomMessage("kept", 10, ROOM)));
        StoredHistory behind = new StoredHistory(store, config(1000), readPool, () -> false);

        assertThat(result(behind.redact(ROOM, "kept", m -> true))).isEqualTo(Redaction.UNAVAILABLE);
        assertThat(store.findByMsgId(ROOM, "kept")).isPresent();
        assertThat(ids(behind.latest(ROOM, Optional.empty(), 10)))
                .as("queries go on regardless")
                .containsExactly("kept");
    }

    @Test
    void disabledHistoryIsOffAndEmpty() throws Exception {
        DisabledHistory disabled = new DisabledHistory();

        assertThat(disabled.enabled()).isFalse();
        assertThat(result(disabled.latest(ROOM, Optional.empty(), 10))).isEmpty();
        assertThat(result(disabled.between(ROOM, new ByTime(at(0)), new ByTime(at(9)), 10)))
                .isEmpty();
        assertThat(result(disabled.targets("alice", List.of(ROOM), at(0), at(9), 10)))
                .isEmpty();
        assertThat(result(disabled.redact(ROOM, "any", m -> true))).isEqualTo(Redaction.UNKNOWN_MSGID);
    }
}
