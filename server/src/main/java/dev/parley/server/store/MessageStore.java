package dev.parley.server.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Message history storage. Blocking: call only from the history threads, never an event loop.
 * Every list comes back in chronological order (oldest first), ties broken by insertion order.
 * Kept events ({@link Playback}: TAGMSG, TOPIC) are rows like any message: the page reads return
 * them only when asked, {@link #targets} and {@link #search} never, and retention counts and deletes
 * them as messages.
 */
public interface MessageStore extends AutoCloseable {

    /** Stores a batch in one transaction; a msgid already stored is skipped, not duplicated. */
    void appendAll(List<StoredMessage> batch);

    /** The message or kept event with this msgid in this conversation (an anchor, or what REDACT deletes). */
    Optional<StoredMessage> findByMsgId(String historyKey, String msgid);

    /**
     * Deletes the message for good (REDACT): nothing replays it afterwards. Whether it was there, so
     * of two deletes racing for one message exactly one gets {@code true}.
     */
    boolean deleteByMsgId(String historyKey, String msgid);

    /** The newest {@code limit} messages, optionally only those strictly after {@code after}. */
    default List<StoredMessage> latest(String historyKey, Optional<Instant> after, int limit) {
        return latest(historyKey, after, limit, Playback.MESSAGES);
    }

    /** As {@link #latest(String, Optional, int)}, counting and returning the lines {@code playback} takes. */
    List<StoredMessage> latest(String historyKey, Optional<Instant> after, int limit, Playback playback);

    /** The {@code limit} messages just before {@code time} (exclusive). */
    default List<StoredMessage> before(String historyKey, Instant time, int limit) {
        return before(historyKey, time, limit, Playback.MESSAGES);
    }

    List<StoredMessage> before(String historyKey, Instant time, int limit, Playback playback);

    /** The {@code limit} messages just after {@code time} (exclusive). */
    default List<StoredMessage> after(String historyKey, Instant time, int limit) {
        return after(historyKey, time, limit, Playback.MESSAGES);
    }

    List<StoredMessage> after(String historyKey, Instant time, int limit, Playback playback);

    /** Messages strictly between the two times, at most {@code limit}, nearest {@code from} first kept. */
    default List<StoredMessage> between(String historyKey, Instant from, Instant to, int limit) {
        return between(historyKey, from, to, limit, Playback.MESSAGES);
    }

    List<StoredMessage> between(String historyKey, Instant from, Instant to, int limit, Playback playback);

    /**
     * History keys with messages between {@code from} and {@code to} (exclusive), with the time of the
     * newest there, oldest activity first, at most {@code limit}: the given room keys, and every
     * private conversation {@code identity} is one side of ({@code ~account} or a guest connection's
     * identity, as the conversation keys hold them).
     */
    List<TargetActivity> targets(String identity, Collection<String> roomKeys, Instant from, Instant to, int limit);

    /**
     * Messages matching the query, in chronological order, only from what {@link SearchQuery#readable()}
     * allows: the earliest matches when {@code after} is given, else the latest.
     */
    List<StoredMessage> search(SearchQuery query);

    /** Deletes up to {@code limit} of the oldest messages older than {@code cutoff}; how many went. */
    int deleteBefore(Instant cutoff, int limit);

    /** History keys holding more than {@code keep} messages. */
    List<String> keysOver(int keep);

    /** Deletes up to {@code limit} of the oldest messages of the key beyond its newest {@code keep}; how many went. */
    int deleteBeyond(String historyKey, int keep, int limit);

    /** Number of stored messages (for tests, metrics and the operator). */
    long count();

    @Override
    void close();
}
