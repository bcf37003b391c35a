package dev.parley.server.history;

import dev.parley.server.store.Playback;
import dev.parley.server.store.SearchQuery;
import dev.parley.server.store.StoredMessage;
import dev.parley.server.store.TargetActivity;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Predicate;

/**
 * History when {@code history.enabled} is off: nothing is kept, every query answers empty at once,
 * and {@link #enabled()} tells the server not to advertise CHATHISTORY.
 */
public final class DisabledHistory implements History {

    @Override
    public boolean enabled() {
        return false;
    }

    @Override
    public CompletionStage<List<StoredMessage>> latest(
            String historyKey, Optional<HistoryAnchor> after, int limit, Playback playback) {
        return nothing();
    }

    @Override
    public CompletionStage<List<StoredMessage>> before(
            String historyKey, HistoryAnchor anchor, int limit, Playback playback) {
        return nothing();
    }

    @Override
    public CompletionStage<List<StoredMessage>> after(
            String historyKey, HistoryAnchor anchor, int limit, Playback playback) {
        return nothing();
    }

    @Override
    public CompletionStage<List<StoredMessage>> around(
            String historyKey, HistoryAnchor anchor, int limit, Playback playback) {
        return nothing();
    }

    @Override
    public CompletionStage<List<StoredMessage>> between(
            String historyKey, HistoryAnchor from, HistoryAnchor to, int limit, Playback playback) {
        return nothing();
    }

    @Override
    public CompletionStage<List<TargetActivity>> targets(
            String foldedNick, Collection<String> roomKeys, Instant from, Instant to, int limit) {
        return nothing();
    }

    @Override
    public CompletionStage<List<StoredMessage>> search(SearchQuery query) {
        return nothing();
    }

    /** Nothing is kept, so no message is known. */
    @Override
    public CompletionStage<Redaction> redact(String historyKey, String msgid, Predicate<StoredMessage> mayRedact) {
        return CompletableFuture.completedFuture(Redaction.UNKNOWN_MSGID);
    }

    /** A new stage each time: a shared completed future could be altered by any caller. */
    private static <T> CompletionStage<List<T>> nothing() {
        return CompletableFuture.completedFuture(List.of());
    }
}
