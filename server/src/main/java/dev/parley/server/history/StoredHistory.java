package dev.parley.server.history;

import dev.parley.server.config.HistoryConfig;
import dev.parley.server.store.MessageStore;
import dev.parley.server.store.Playback;
import dev.parley.server.store.SearchQuery;
import dev.parley.server.store.StoreException;
import dev.parley.server.store.StoredMessage;
import dev.parley.server.store.TargetActivity;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * History read from the {@link MessageStore}. The store blocks, so every query runs on the read pool
 * and the stage completes there. Limits are capped at {@code maxPageSize} so no client can make one
 * reply, or one query, unbounded. Msgid anchors are resolved through the store; see {@link
 * AnchorPoint} for how messages sharing the anchor's millisecond are kept in order. When the store
 * fails, a query's stage fails with {@link HistoryUnavailable} (a redaction answers {@link
 * Redaction#UNAVAILABLE}) and one warning a minute is logged, however many users ask.
 */
public final class StoredHistory implements History {

    /** A database failure seen by user requests is logged at most this often. */
    static final Duration FAILURE_LOG_INTERVAL = Duration.ofMinutes(1);

    private static final Logger log = LoggerFactory.getLogger(StoredHistory.class);

    private final MessageStore store;
    private final int maxPageSize;
    private final Executor readPool;
    private final BooleanSupplier readBarrier;
    private final ThrottledWarning failures = new ThrottledWarning(log, FAILURE_LOG_INTERVAL);

    public StoredHistory(MessageStore store, HistoryConfig config, Executor readPool) {
        this(store, config, readPool, () -> true);
    }

    /**
     * With a barrier each query passes first, on the read pool: the server makes it wait (briefly)
     * for messages already accepted to be written, so a client reads its own words back. It answers
     * whether they are all in the database now; queries go on either way, a redaction does not.
     */
    public StoredHistory(MessageStore store, HistoryConfig config, Executor readPool, BooleanSupplier readBarrier) {
        this.store = store;
        this.maxPageSize = config.maxPageSize();
        this.readPool = readPool;
        this.readBarrier = readBarrier;
    }

    @Override
    public boolean enabled() {
        return true;
    }

    @Override
    public CompletionStage<List<StoredMessage>> latest(
            String historyKey, Optional<HistoryAnchor> after, int limit, Playback playback) {
        if (after.isEmpty()) {
            return async(() -> store.latest(historyKey, Optional.empty(), cap(limit), playback));
        }
        return fromAnchor(historyKey, after.get(), playback, point -> point.latestAfter(cap(limit)));
    }

    @Override
    public CompletionStage<List<StoredMessage>> before(
            String historyKey, HistoryAnchor anchor, int limit, Playback playback) {
        return fromAnchor(historyKey, anchor, playback, point -> point.before(cap(limit)));
    }

    @Override
    public CompletionStage<List<StoredMessage>> after(
            String historyKey, HistoryAnchor anchor, int limit, Playback playback) {
        return fromAnchor(historyKey, anchor, playback, point -> point.after(cap(limit)));
    }

    @Override
    public CompletionStage<List<StoredMessage>> around(
            String historyKey, HistoryAnchor anchor, int limit, Playback playback) {
        return fromAnchor(historyKey, anchor, playback, point -> {
            List<StoredMessage> before = point.before(cap(limit) / 2);
            List<StoredMessage> rest = point.fromOn(cap(limit) - before.size());
            return Stream.concat(before.stream(), rest.stream()).toList();
        });
    }

    @Override
    public CompletionStage<List<StoredMessage>> between(
            String historyKey, HistoryAnchor from, HistoryAnchor to, int limit, Playback playback) {
        return async(() -> resolve(historyKey, from, playback)
                .flatMap(start -> resolve(historyKey, to, playback).map(end -> start.between(end, cap(limit))))
                .orElse(List.of()));
    }

    @Override
    public CompletionStage<List<TargetActivity>> targets(
            String foldedNick, Collection<String> roomKeys, Instant from, Instant to, int limit) {
        List<String> rooms = List.copyOf(roomKeys);
        return async(() -> store.targets(foldedNick, rooms, from, to, cap(limit)));
    }

    @Override
    public CompletionStage<List<StoredMessage>> search(SearchQuery query) {
        return async(() -> store.search(query));
    }

    /**
     * Find, check, delete, on the read pool once the barrier passed. While the writer is behind or
     * the database away, nothing is deleted: the message may still sit in the writer's queue or spill
     * file, and a later replay would bring a deleted row back. Of two redactions racing for one
     * message, the store's delete lets only one report {@link Redaction#REDACTED}.
     */
    @Override
    public CompletionStage<Redaction> redact(String historyKey, String msgid, Predicate<StoredMessage> mayRedact) {
        return CompletableFuture.supplyAsync(
                () -> {
                    if (!readBarrier.getAsBoolean()) {
                        return Redaction.UNAVAILABLE;
                    }
                    try {
                        return redactNow(historyKey, msgid, mayRedact);
                    } catch (StoreException e) {
                        failures.failed("redaction failed: the database is unavailable", e);
                        return Redaction.UNAVAILABLE;
                    }
                },
                readPool);
    }

    private Redaction redactNow(String historyKey, String msgid, Predicate<StoredMessage> mayRedact) {
        Optional<StoredMessage> found = store.findByMsgId(historyKey, msgid);
        if (found.isEmpty()) {
            return Redaction.UNKNOWN_MSGID;
        }
        if (!mayRedact.test(found.get())) {
            return Redaction.FORBIDDEN;
        }
        return store.deleteByMsgId(historyKey, msgid) ? Redaction.REDACTED : Redaction.UNKNOWN_MSGID;
    }

    private CompletionStage<List<StoredMessage>> fromAnchor(
            String historyKey,
            HistoryAnchor anchor,
            Playback playback,
            Function<AnchorPoint, List<StoredMessage>> query) {
        return async(() -> resolve(historyKey, anchor, playback).map(query).orElse(List.of()));
    }

    private Optional<AnchorPoint> resolve(String historyKey, HistoryAnchor anchor, Playback playback) {
        return AnchorPoint.resolve(store, historyKey, anchor, playback, 2 * maxPageSize + 1);
    }

    private int cap(int limit) {
        return Math.max(0, Math.min(limit, maxPageSize));
    }

    private <T> CompletionStage<T> async(Supplier<T> query) {
        return CompletableFuture.supplyAsync(
                () -> {
                    readBarrier.getAsBoolean();
                    try {
                        return query.get();
                    } catch (StoreException e) {
                        failures.failed("history read failed: the database is unavailable", e);
                        throw new HistoryUnavailable(ThrottledWarning.rootMessage(e));
                    }
                },
                readPool);
    }
}
