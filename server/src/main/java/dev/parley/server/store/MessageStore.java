package dev.parley.server.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Message history storage. Blocking: call only from the history threads, never an event loop.
 * Every list comes back in chronological order (oldest first), ties broken by insertion order.
 */
public interface MessageStore extends AutoCloseable {

    /** Stores a batch in one transaction; a msgid already stored is skipped, not duplicated. */
    void appendAll(List<StoredMessage> batch);

    Optional<StoredMessage> findByMsgId(String historyKey, String msgid);

    /**
     * Deletes the message for good (REDACT): nothing replays it afterwards. Whether it was there, so
     * of two deletes racing for one message exactly one gets {@code true}.
     */
    boolean deleteByMsgId(String historyKey, String msgid);

    /** The newest {@code limit} messages, optionally only those strictly after {@code after}. */
    List<StoredMessage> latest(String historyKey, Optional<Instant> after, int limit);

    /** The {@code limit} messages just before {@code time} (exclusive). */
    List<StoredMessage> before(String historyKey, Instant time, int limit);

    /** The {@code limit} messages just after {@code time} (exclusive). */
    List<StoredMessage> after(String historyKey, Instant time, int limit);

    /** Messages strictly between the two times, at most {@code limit}, nearest {@code from} first kept. */
    List<StoredMessage> between(String historyKey, Instant from, Instant to, int limit);

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
