package dev.parley.server.history;

import dev.parley.server.store.Playback;
import dev.parley.server.store.SearchQuery;
import dev.parley.server.store.StoredMessage;
import dev.parley.server.store.TargetActivity;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Predicate;

/**
 * Reading history, for CHATHISTORY and HISTORY. Every call returns at once; the query runs on the
 * history read pool and the stage completes there (callers hop back to their event loop). Lists are
 * chronological. An anchor msgid that is not found yields an empty list.
 */
public interface History {

    /** Whether history is kept at all. */
    boolean enabled();

    /** PRIVMSG and NOTICE only, as HISTORY and CHATHISTORY without event-playback replay them. */
    default CompletionStage<List<StoredMessage>> latest(String historyKey, Optional<HistoryAnchor> after, int limit) {
        return latest(historyKey, after, limit, Playback.MESSAGES);
    }

    /** The newest page; {@code playback} says whether kept TAGMSGs are among the lines it returns and counts. */
    CompletionStage<List<StoredMessage>> latest(
            String historyKey, Optional<HistoryAnchor> after, int limit, Playback playback);

    default CompletionStage<List<StoredMessage>> before(String historyKey, HistoryAnchor anchor, int limit) {
        return before(historyKey, anchor, limit, Playback.MESSAGES);
    }

    CompletionStage<List<StoredMessage>> before(String historyKey, HistoryAnchor anchor, int limit, Playback playback);

    default CompletionStage<List<StoredMessage>> after(String historyKey, HistoryAnchor anchor, int limit) {
        return after(historyKey, anchor, limit, Playback.MESSAGES);
    }

    CompletionStage<List<StoredMessage>> after(String historyKey, HistoryAnchor anchor, int limit, Playback playback);

    /** Up to {@code limit} messages around the anchor: about half before it, the rest from it on. */
    default CompletionStage<List<StoredMessage>> around(String historyKey, HistoryAnchor anchor, int limit) {
        return around(historyKey, anchor, limit, Playback.MESSAGES);
    }

    CompletionStage<List<StoredMessage>> around(String historyKey, HistoryAnchor anchor, int limit, Playback playback);

    /** Messages between the two anchors (exclusive); newest-first selection when {@code from} is later. */
    default CompletionStage<List<StoredMessage>> between(
            String historyKey, HistoryAnchor from, HistoryAnchor to, int limit) {
        return between(historyKey, from, to, limit, Playback.MESSAGES);
    }

    CompletionStage<List<StoredMessage>> between(
            String historyKey, HistoryAnchor from, HistoryAnchor to, int limit, Playback playback);

    CompletionStage<List<TargetActivity>> targets(
            String foldedNick, Collection<String> roomKeys, Instant from, Instant to, int limit);

    /** Messages matching a search (SEARCH), only from the history the query says is readable. */
    CompletionStage<List<StoredMessage>> search(SearchQuery query);

    /**
     * Deletes the message if {@code mayRedact} allows it (REDACT). The check runs on the read pool, so
     * it may only read what the caller captured. Messages accepted before the call are written first,
     * so one just sent can be redacted at once.
     */
    CompletionStage<Redaction> redact(String historyKey, String msgid, Predicate<StoredMessage> mayRedact);
}
