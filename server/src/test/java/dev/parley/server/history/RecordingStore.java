package dev.parley.server.history;

import dev.parley.server.store.MessageStore;
import dev.parley.server.store.Playback;
import dev.parley.server.store.SearchQuery;
import dev.parley.server.store.StoredMessage;
import dev.parley.server.store.TargetActivity;
import dev.parley.server.store.memory.InMemoryMessageStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A store for writer tests: records every batch it accepted (without msgid de-duplication, so a
 * duplicate write shows), can fail its first appends, and can hold the writer inside appendAll.
 */
final class RecordingStore implements MessageStore {

    private final InMemoryMessageStore delegate = new InMemoryMessageStore();
    private final List<List<StoredMessage>> batches = new ArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final AtomicInteger attempts = new AtomicInteger();
    private final CountDownLatch gate = new CountDownLatch(1);
    private volatile boolean gated;
    private volatile boolean writerInside;

    /** The next {@code count} appends throw, as a database outage would. */
    RecordingStore failingFirst(int count) {
        failuresLeft.set(count);
        return this;
    }

    /** Appends succeed again (after {@link #failingFirst}). */
    void recover() {
        failuresLeft.set(0);
    }

    /** Appends wait inside the store until {@link #open()} is called. */
    RecordingStore gated() {
        gated = true;
        return this;
    }

    void open() {
        gate.countDown();
    }

    boolean writerInside() {
        return writerInside;
    }

    int attempts() {
        return attempts.get();
    }

    synchronized List<List<StoredMessage>> batches() {
        return List.copyOf(batches);
    }

    synchronized List<String> storedIds() {
        return batches.stream().flatMap(List::stream).map(StoredMessage::msgid).toList();
    }

    @Override
    public void appendAll(List<StoredMessage> batch) {
        attempts.incrementAndGet();
        writerInside = true;
        if (gated) {
            awaitGate();
        }
        if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new IllegalStateException("database is down (test)");
        }
        synchronized (this) {
            batches.add(List.copyOf(batch));
        }
        delegate.appendAll(batch);
    }

    private void awaitGate() {
        try {
            if (!gate.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("test never opened the gate");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Optional<StoredMessage> findByMsgId(String historyKey, String msgid) {
        return delegate.findByMsgId(historyKey, msgid);
    }

    @Override
    public boolean deleteByMsgId(String historyKey, String msgid) {
        return delegate.deleteByMsgId(historyKey, msgid);
    }

    @Override
    public List<StoredMessage> latest(String historyKey, Optional<Instant> after, int limit, Playback playback) {
        return delegate.latest(historyKey, after, limit, playback);
    }

    @Override
    public List<StoredMessage> before(String historyKey, Instant time, int limit, Playback playback) {
        return delegate.before(historyKey, time, limit, playback);
    }

    @Override
    public List<StoredMessage> after(String historyKey, Instant time, int limit, Playback playback) {
        return delegate.after(historyKey, time, limit, playback);
    }

    @Override
    public List<StoredMessage> between(String historyKey, Instant from, Instant to, int limit, Playback playback) {
        return delegate.between(historyKey, from, to, limit, playback);
    }

    @Override
    public List<TargetActivity> targets(
            String foldedNick, Collection<String> roomKeys, Instant from, Instant to, int limit) {
        return delegate.targets(foldedNick, roomKeys, from, to, limit);
    }

    @Override
    public List<StoredMessage> search(SearchQuery query) {
        return delegate.search(query);
    }

    @Override
    public int deleteBefore(Instant cutoff, int limit) {
        return delegate.deleteBefore(cutoff, limit);
    }

    @Override
    public List<String> keysOver(int keep) {
        return delegate.keysOver(keep);
    }

    @Override
    public int deleteBeyond(String historyKey, int keep, int limit) {
        return delegate.deleteBeyond(historyKey, keep, limit);
    }

    @Override
    public long count() {
        return delegate.count();
    }

    @Override
    public void close() {}
}
