package dev.parley.server.history;

import dev.parley.server.store.MessageStore;
import dev.parley.server.store.Playback;
import dev.parley.server.store.StoredMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A history anchor resolved against the store. The store pages by time; a msgid anchor shares its
 * millisecond with any message sent in the same instant, so this also remembers those siblings
 * split at the anchor: a page "before msgid" then includes the siblings sent earlier in that
 * millisecond and "after msgid" the later ones, and paging by msgid never skips or repeats one.
 * A timestamp anchor has no siblings and stays exclusive.
 */
final class AnchorPoint {

    private final MessageStore store;
    private final String historyKey;
    private final Playback playback;
    private final Instant time;
    private final List<StoredMessage> sameMillisecond;
    private final int index;

    private AnchorPoint(
            MessageStore store,
            String historyKey,
            Playback playback,
            Instant time,
            List<StoredMessage> sameMillisecond,
            int index) {
        this.store = store;
        this.historyKey = historyKey;
        this.playback = playback;
        this.time = time;
        this.sameMillisecond = sameMillisecond;
        this.index = index;
    }

    /**
     * Resolves the anchor; empty when it names a msgid this conversation does not have. Every page
     * read from it takes the lines {@code playback} says; a kept event's msgid anchors any read,
     * as a point in time when the read leaves events out.
     */
    static Optional<AnchorPoint> resolve(
            MessageStore store, String historyKey, HistoryAnchor anchor, Playback playback, int siblingLimit) {
        if (anchor instanceof HistoryAnchor.ByTime byTime) {
            return Optional.of(new AnchorPoint(store, historyKey, playback, byTime.time(), List.of(), -1));
        }
        String msgid = ((HistoryAnchor.ByMsgId) anchor).msgid();
        return store.findByMsgId(historyKey, msgid).map(found -> {
            Instant time = found.time();
            List<StoredMessage> siblings =
                    store.between(historyKey, time.minusMillis(1), time.plusMillis(1), siblingLimit, playback);
            int index = indexOf(siblings, msgid);
            return new AnchorPoint(store, historyKey, playback, time, index < 0 ? List.of() : siblings, index);
        });
    }

    Instant time() {
        return time;
    }

    /** The {@code limit} messages just before the anchor. */
    List<StoredMessage> before(int limit) {
        return last(concat(store.before(historyKey, time, limit, playback), earlier()), limit);
    }

    /** The {@code limit} messages just after the anchor. */
    List<StoredMessage> after(int limit) {
        return first(concat(later(), store.after(historyKey, time, limit, playback)), limit);
    }

    /** The newest {@code limit} messages after the anchor. */
    List<StoredMessage> latestAfter(int limit) {
        return last(concat(later(), store.latest(historyKey, Optional.of(time), limit, playback)), limit);
    }

    /** The {@code limit} messages from the anchor on: the anchor message itself first, or its instant. */
    List<StoredMessage> fromOn(int limit) {
        if (index < 0) {
            return store.after(historyKey, time.minusMillis(1), limit, playback);
        }
        return first(
                concat(
                        sameMillisecond.subList(index, sameMillisecond.size()),
                        store.after(historyKey, time, limit, playback)),
                limit);
    }

    /** Messages strictly between this anchor and {@code end}, counted from this one, chronological. */
    List<StoredMessage> between(AnchorPoint end, int limit) {
        int order = time.compareTo(end.time);
        if (order == 0) {
            return sameInstantBetween(end, limit);
        }
        List<StoredMessage> middle = store.between(historyKey, time, end.time, limit, playback);
        return order < 0
                ? first(concat(concat(later(), middle), end.earlier()), limit)
                : last(concat(concat(end.later(), middle), earlier()), limit);
    }

    private List<StoredMessage> sameInstantBetween(AnchorPoint end, int limit) {
        if (index < 0 || end.index < 0) {
            return List.of();
        }
        List<StoredMessage> inside =
                sameMillisecond.subList(Math.min(index, end.index) + 1, Math.max(index, end.index));
        return index < end.index ? first(inside, limit) : last(inside, limit);
    }

    private List<StoredMessage> earlier() {
        return index < 0 ? List.of() : sameMillisecond.subList(0, index);
    }

    private List<StoredMessage> later() {
        return index < 0 ? List.of() : sameMillisecond.subList(index + 1, sameMillisecond.size());
    }

    private static int indexOf(List<StoredMessage> messages, String msgid) {
        for (int i = 0; i < messages.size(); i++) {
            if (messages.get(i).msgid().equals(msgid)) {
                return i;
            }
        }
        return -1;
    }

    private static List<StoredMessage> concat(List<StoredMessage> a, List<StoredMessage> b) {
        List<StoredMessage> all = new ArrayList<>(a.size() + b.size());
        all.addAll(a);
        all.addAll(b);
        return all;
    }

    private static List<StoredMessage> first(List<StoredMessage> messages, int limit) {
        return List.copyOf(messages.subList(0, Math.min(limit, messages.size())));
    }

    private static List<StoredMessage> last(List<StoredMessage> messages, int limit) {
        return List.copyOf(messages.subList(Math.max(0, messages.size() - limit), messages.size()));
    }
}
