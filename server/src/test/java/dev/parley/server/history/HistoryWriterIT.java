package dev.parley.server.history;

import static dev.parley.server.store.Messages.roomMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.parley.server.config.HistoryConfig;
import dev.parley.server.store.StoredMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class HistoryWriterIT {

    private static final Duration LONG = Duration.ofSeconds(10);

    private final List<HistoryWriter> writers = new ArrayList<>();
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    @AfterEach
    void closeWriters() {
        writers.forEach(w -> w.close(LONG));
        ((Logger) LoggerFactory.getLogger(HistoryWriter.class)).detachAppender(logs);
    }

    @TempDir
    Path dataDir;

    private HistoryWriter writer(RecordingStore store, Duration flushInterval, int batchSize, int capacity) {
        return writer(store, flushInterval, batchSize, capacity, 1L << 20);
    }

    private HistoryWriter writer(
            RecordingStore store, Duration flushInterval, int batchSize, int capacity, long spillMaxBytes) {
        return writer(
                store, flushInterval, batchSize, capacity, spillMaxBytes, LONG, HistoryConfig.Durability.INTERVAL);
    }

    /** A writer that gives up on a commit after {@code commitTimeout}. */
    private HistoryWriter impatientWriter(
            RecordingStore store, Duration commitTimeout, HistoryConfig.Durability durability) {
        return writer(store, Duration.ofMillis(5), 10, 1000, 1L << 20, commitTimeout, durability);
    }

    private HistoryWriter writer(
            RecordingStore store,
            Duration flushInterval,
            int batchSize,
            int capacity,
            long spillMaxBytes,
            Duration commitTimeout,
            HistoryConfig.Durability durability) {
        HistoryConfig config = new HistoryConfig(
                true,
                flushInterval,
                batchSize,
                capacity,
                1000,
                50,
                durability,
                spillMaxBytes,
                Duration.ZERO,
                0,
                Duration.ofMinutes(1),
                commitTimeout);
        HistoryWriter writer = new HistoryWriter(store, config, dataDir, Duration.ofMillis(1), Duration.ofMillis(20));
        writers.add(writer);
        return writer;
    }

    private static List<StoredMessage> messages(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> roomMessage("m" + i, i / 3, "#general"))
                .toList();
    }

    private static List<String> ids(List<StoredMessage> messages) {
        return messages.stream().map(StoredMessage::msgid).toList();
    }

    @Test
    void messagesQueuedWhileTheStoreIsBusyAreCommittedInBatches() throws Exception {
        RecordingStore store = new RecordingStore().gated();
        HistoryWriter writer = writer(store, LONG, 20, 1000);
        writer.offer(roomMessage("first", 0, "#general"));
        writer.flush();
        await().atMost(LONG).until(store::writerInside);

        messages(50).forEach(writer::offer);
        store.open();

        assertThat(writer.awaitFlushed(LONG)).isTrue();
        assertThat(store.batches()).extracting(List::size).containsExactly(1, 20, 20, 10);
    }

    @Test
    void aPartBatchIsCommittedAfterTheFlushIntervalWithoutAFlush() {
        RecordingStore store = new RecordingStore();
        HistoryWriter writer = writer(store, Duration.ofMillis(20), 500, 1000);

        messages(3).forEach(writer::offer);

        await().atMost(LONG).until(() -> store.storedIds().size() == 3);
        assertThat(writer.pendingCount()).isZero();
    }

    @Test
    void messagesAreStoredInTheOrderTheyWereOffered() throws Exception {
        RecordingStore store = new RecordingStore();
        HistoryWriter writer = writer(store, Duration.ofMillis(5), 7, 10_000);
        List<StoredMessage> sent = messages(1000);

        sent.forEach(writer::offer);

        assertThat(writer.awaitFlushed(LONG)).isTrue();
        assertThat(store.storedIds()).containsExactlyElementsOf(ids(sent));
        assertThat(store.batches()).allSatisfy(batch -> assertThat(batch).hasSizeLessThanOrEqualTo(7));
    }

    @Test
    void closeStoresEverythingStillQueuedAndStopsTheThread() {
        RecordingStore store = new RecordingStore();
        HistoryWriter writer = writer(store, LONG, 500, 1000);
        messages(5).forEach(writer::offer);

        writer.close(LONG);

        assertThat(store.storedIds()).hasSize(5);
        assertThat(writer.offer(roomMessage("late", 99, "#general"))).isFalse();
        assertThat(Thread.getAllStackTraces().keySet())
                .noneMatch(t -> t.getName().equals("parley-history-writer"));
    }

    @Test
    void aFailingStoreDelaysHistoryButLosesAndDuplicatesNothing() throws Exception {
        RecordingStore store = new RecordingStore().failingFirst(4);
        HistoryWriter writer = writer(store, Duration.ofMillis(5), 10, 1000);
        List<StoredMessage> sent = messages(30);
        captureLogs();

        sent.forEach(writer::offer);

        assertThat(writer.awaitFlushed(LONG))
                .as("durable in the spill file meanwhile")
                .isTrue();
        await().atMost(LONG).until(() -> store.storedIds().size() == sent.size() && !writer.isDegraded());
        assertThat(store.storedIds()).containsExactlyElementsOf(ids(sent));
        assertThat(store.attempts()).isGreaterThanOrEqualTo(4 + 1);
        assertThat(dataDir.resolve(HistoryWriter.SPILL_FILE)).doesNotExist();
        assertThat(logs.list).filteredOn(e -> e.getLevel() == Level.WARN).hasSize(1);
        assertThat(logs.list).filteredOn(e -> e.getLevel() == Level.INFO).hasSize(1);
    }

    @Test
    void aFullQueueRefusesCountsAndWarnsOncePerEpisode() throws Exception {
        RecordingStore store = new RecordingStore().gated();
        HistoryWriter writer = writer(store, LONG, 100, 5);
        captureLogs();
        writer.offer(roomMessage("taken", 0, "#general"));
        writer.flush();
        await().atMost(LONG).until(store::writerInside);

        List<Boolean> accepted = messages(8).stream().map(writer::offer).toList();

        assertThat(accepted).containsExactly(true, true, true, true, true, false, false, false);
        assertThat(writer.droppedCount()).isEqualTo(3);
        assertThat(logs.list).filteredOn(e -> e.getLevel() == Level.WARN).hasSize(1);

        store.open();
        assertThat(writer.awaitFlushed(LONG)).isTrue();
        assertThat(store.storedIds()).hasSize(6);
        assertThat(writer.offer(roomMessage("again", 9, "#general"))).isTrue();
    }

    private void captureLogs() {
        logs.start();
        ((Logger) LoggerFactory.getLogger(HistoryWriter.class)).addAppender(logs);
    }

    @Test
    void messagesSpilledDuringAnOutageAreStoredAtTheNextStartInOrderAndOnce() throws Exception {
        RecordingStore down = new RecordingStore().failingFirst(Integer.MAX_VALUE);
        HistoryWriter first = writer(down, Duration.ofMillis(5), 10, 1000);
        List<StoredMessage> sent = messages(25);
        sent.forEach(first::offer);
        assertThat(first.awaitFlushed(LONG)).isTrue();
        assertThat(first.isDegraded()).isTrue();
        first.close(LONG);
        assertThat(down.storedIds()).isEmpty();
        assertThat(dataDir.resolve(HistoryWriter.SPILL_FILE)).isNotEmptyFile();

        RecordingStore back = new RecordingStore();
        HistoryWriter second = writer(back, Duration.ofMillis(5), 10, 1000);
        List<StoredMessage> later = IntStream.range(0, 5)
                .mapToObj(i -> roomMessage("later" + i, 100, "#general"))
                .toList();
        later.forEach(second::offer);

        await().atMost(LONG).until(() -> back.storedIds().size() == 30);
        List<String> expected = new ArrayList<>(ids(sent));
        expected.addAll(ids(later));
        assertThat(back.storedIds()).containsExactlyElementsOf(expected);
        assertThat(dataDir.resolve(HistoryWriter.SPILL_FILE)).doesNotExist();
    }

    @Test
    void aTornLastRecordInTheSpillFileIsIgnored() throws Exception {
        RecordingStore down = new RecordingStore().failingFirst(Integer.MAX_VALUE);
        HistoryWriter first = writer(down, Duration.ofMillis(5), 10, 1000);
        messages(3).forEach(first::offer);
        assertThat(first.awaitFlushed(LONG)).isTrue();
        first.close(LONG);
        Path spill = dataDir.resolve(HistoryWriter.SPILL_FILE);
        byte[] bytes = Files.readAllBytes(spill);
        Files.write(spill, java.util.Arrays.copyOf(bytes, bytes.length - 5));

        RecordingStore back = new RecordingStore();
        writer(back, Duration.ofMillis(5), 10, 1000);

        await().atMost(LONG).until(() -> !Files.exists(spill));
        assertThat(back.storedIds()).containsExactly("m0", "m1");
    }

    @Test
    void whatTheFullSpillFileCannotHoldIsCountedLostAndReportedToItsSender() throws Exception {
        RecordingStore down = new RecordingStore().failingFirst(Integer.MAX_VALUE);
        HistoryWriter writer = writer(down, Duration.ofMillis(5), 1, 1000, 200);
        List<Boolean> outcomes = java.util.Collections.synchronizedList(new ArrayList<>());

        messages(5).forEach(m -> writer.offer(m, outcomes::add));

        await().atMost(LONG).until(() -> outcomes.size() == 5);
        assertThat(outcomes).startsWith(true).endsWith(false);
        assertThat(writer.lostCount())
                .isEqualTo(outcomes.stream().filter(ok -> !ok).count());
        assertThat(writer.spilledCount() + writer.lostCount()).isEqualTo(5);
    }

    @Test
    void aCallbackRunsOnceItsMessageIsCommitted() throws Exception {
        RecordingStore store = new RecordingStore().gated();
        HistoryWriter writer = writer(store, Duration.ofMillis(5), 10, 1000);
        List<Boolean> outcomes = java.util.Collections.synchronizedList(new ArrayList<>());

        writer.offer(roomMessage("sync", 1, "#general"), outcomes::add);
        await().atMost(LONG).until(store::writerInside);
        assertThat(outcomes).as("not before the commit").isEmpty();
        store.open();

        await().atMost(LONG).until(() -> outcomes.size() == 1);
        assertThat(outcomes).containsExactly(true);
        assertThat(store.storedIds()).containsExactly("sync");
    }

    @Test
    void aBatchAHungStoreHoldsGoesToTheSpillFileWithinTheCommitTimeout() throws Exception {
        RecordingStore hung = new RecordingStore().gated();
        HistoryWriter writer = impatientWriter(hung, Duration.ofMillis(50), HistoryConfig.Durability.INTERVAL);
        List<StoredMessage> sent = messages(30);

        sent.subList(0, 10).forEach(writer::offer);
        assertThat(writer.awaitFlushed(Duration.ofSeconds(2)))
                .as("spilled while the store hangs")
                .isTrue();
        assertThat(writer.isDegraded()).isTrue();
        sent.subList(10, 30).forEach(writer::offer);
        assertThat(writer.awaitFlushed(Duration.ofSeconds(2)))
                .as("later ones spilled too")
                .isTrue();
        assertThat(dataDir.resolve(HistoryWriter.SPILL_FILE)).isNotEmptyFile();

        hung.open();
        await().atMost(LONG)
                .until(() -> !writer.isDegraded() && !Files.exists(dataDir.resolve(HistoryWriter.SPILL_FILE)));
        assertThat(hung.storedIds().stream().distinct().toList()).containsExactlyElementsOf(ids(sent));
    }

    @Test
    void aStoreThatFailsOnlyAfterSecondsStillSpillsWithinTheCommitTimeout() throws Exception {
        RecordingStore slowToRefuse = new RecordingStore().gated().failingFirst(1);
        HistoryWriter writer = impatientWriter(slowToRefuse, Duration.ofMillis(50), HistoryConfig.Durability.INTERVAL);
        List<StoredMessage> sent = messages(10);

        sent.forEach(writer::offer);
        assertThat(writer.awaitFlushed(Duration.ofSeconds(2)))
                .as("spilled before the store gave up")
                .isTrue();

        slowToRefuse.open();
        await().atMost(LONG)
                .until(() -> !writer.isDegraded() && !Files.exists(dataDir.resolve(HistoryWriter.SPILL_FILE)));
        assertThat(slowToRefuse.storedIds()).containsExactlyElementsOf(ids(sent));
    }

    @Test
    void inSyncModeAHungStoreHoldsASenderNoLongerThanTheCommitTimeout() throws Exception {
        RecordingStore hung = new RecordingStore().gated();
        HistoryWriter writer = impatientWriter(hung, Duration.ofMillis(50), HistoryConfig.Durability.SYNC);
        List<Boolean> outcomes = java.util.Collections.synchronizedList(new ArrayList<>());

        for (StoredMessage message : messages(5)) {
            int before = outcomes.size();
            writer.offer(message, outcomes::add);
            await().atMost(Duration.ofSeconds(2)).until(() -> outcomes.size() > before);
        }

        assertThat(outcomes).containsOnly(true);
        hung.open();
        await().atMost(LONG).until(() -> !writer.isDegraded());
        assertThat(hung.storedIds().stream().distinct().toList()).containsExactlyElementsOf(ids(messages(5)));
    }

    @Test
    void theSpillFileIsReadableByTheServersUserOnly() throws Exception {
        RecordingStore down = new RecordingStore().failingFirst(Integer.MAX_VALUE);
        HistoryWriter writer = writer(down, Duration.ofMillis(5), 10, 1000);

        messages(3).forEach(writer::offer);

        assertThat(writer.awaitFlushed(LONG)).isTrue();
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(dataDir.resolve(HistoryWriter.SPILL_FILE))))
                .isEqualTo("rw-------");
    }

    @Test
    void messagesSpilledAfterATornRecordAreNotHiddenBehindIt() throws Exception {
        RecordingStore down = new RecordingStore().failingFirst(Integer.MAX_VALUE);
        HistoryWriter first = writer(down, Duration.ofMillis(5), 10, 1000);
        messages(3).forEach(first::offer);
        assertThat(first.awaitFlushed(LONG)).isTrue();
        first.close(LONG);
        Path spill = dataDir.resolve(HistoryWriter.SPILL_FILE);
        byte[] bytes = Files.readAllBytes(spill);
        Files.write(spill, java.util.Arrays.copyOf(bytes, bytes.length - 5));

        RecordingStore stillDown = new RecordingStore().failingFirst(Integer.MAX_VALUE);
        HistoryWriter second = writer(stillDown, Duration.ofMillis(5), 10, 1000);
        List<StoredMessage> later = IntStream.range(0, 2)
                .mapToObj(i -> roomMessage("later" + i, 100, "#general"))
                .toList();
        later.forEach(second::offer);
        assertThat(second.awaitFlushed(LONG))
                .as("spilled behind the torn record")
                .isTrue();
        stillDown.recover();

        await().atMost(LONG).until(() -> !Files.exists(spill));
        assertThat(stillDown.storedIds()).containsExactly("m0", "m1", "later0", "later1");
    }
}
