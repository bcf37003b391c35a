package dev.parley.server.store.memory;

import dev.parley.server.store.DirectKey;
import dev.parley.server.store.MessageStore;
import dev.parley.server.store.Playback;
import dev.parley.server.store.SearchQuery;
import dev.parley.server.store.StoredMessage;
import dev.parley.server.store.TargetActivity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * Message history in the heap, with the same semantics as the SQL store: for tests and for running
 * without persistence. Times are kept to the millisecond, as the database keeps them. One
 * read-write lock guards everything; no I/O happens under it.
 */
public final class InMemoryMessageStore implements MessageStore {

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, NavigableMap<Position, StoredMessage>> conversations = new HashMap<>();
    private final Map<String, Position> positionsByMsgId = new HashMap<>();
    private long nextSeq;

    @Override
    public void appendAll(List<StoredMessage> batch) {
        lock.writeLock().lock();
        try {
            for (StoredMessage message : batch) {
                append(message);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public Optional<StoredMessage> findByMsgId(String historyKey, String msgid) {
        return read(() -> {
            Position position = positionsByMsgId.get(msgid);
            NavigableMap<Position, StoredMessage> conversation = conversations.get(historyKey);
            return position == null || conversation == null
                    ? Optional.<StoredMessage>empty()
                    : Optional.ofNullable(conversation.get(position));
        });
    }

    @Override
    public boolean deleteByMsgId(String historyKey, String msgid) {
        return write(() -> {
            Position position = positionsByMsgId.get(msgid);
            NavigableMap<Position, StoredMessage> conversation = conversations.get(historyKey);
            StoredMessage message = position == null || conversation == null ? null : conversation.get(position);
            return message != null && remove(List.of(Map.entry(position, message))) == 1;
        });
    }

    @Override
    public List<StoredMessage> latest(String historyKey, Optional<Instant> after, int limit, Playback playback) {
        return read(() -> {
            NavigableMap<Position, StoredMessage> conversation = conversation(historyKey);
            NavigableMap<Position, StoredMessage> window = after.map(
                            time -> conversation.tailMap(Position.lastAt(time), false))
                    .orElse(conversation);
            return newestChronological(window, limit, playback);
        });
    }

    @Override
    public List<StoredMessage> before(String historyKey, Instant time, int limit, Playback playback) {
        return read(() ->
                newestChronological(conversation(historyKey).headMap(Position.firstAt(time), false), limit, playback));
    }

    @Override
    public List<StoredMessage> after(String historyKey, Instant time, int limit, Playback playback) {
        return read(() -> oldest(conversation(historyKey).tailMap(Position.lastAt(time), false), limit, playback));
    }

    @Override
    public List<StoredMessage> between(String historyKey, Instant from, Instant to, int limit, Playback playback) {
        return read(() -> {
            NavigableMap<Position, StoredMessage> window = window(conversation(historyKey), from, to);
            return from.isBefore(to) ? oldest(window, limit, playback) : newestChronological(window, limit, playback);
        });
    }

    @Override
    public List<TargetActivity> targets(
            String foldedNick, Collection<String> roomKeys, Instant from, Instant to, int limit) {
        Set<String> rooms = new HashSet<>(roomKeys);
        return read(() -> {
            List<Map.Entry<Position, StoredMessage>> newest = new ArrayList<>();
            conversations.forEach((key, conversation) -> {
                boolean mine = rooms.contains(key)
                        || DirectKey.parse(key).map(k -> k.involves(foldedNick)).orElse(false);
                if (mine && !activeAfter(conversation, from, to)) {
                    window(conversation, from, to).descendingMap().entrySet().stream()
                            .filter(e -> Playback.MESSAGES.includes(e.getValue().command()))
                            .findFirst()
                            .ifPresent(newest::add);
                }
            });
            newest.sort(Map.Entry.comparingByKey());
            List<Map.Entry<Position, StoredMessage>> kept = from.isAfter(to)
                    ? newest.subList(Math.max(0, newest.size() - limit), newest.size())
                    : newest.subList(0, Math.min(limit, newest.size()));
            return kept.stream()
                    .map(e -> new TargetActivity(
                            e.getValue().historyKey(), e.getValue().time(), e.getValue()))
                    .toList();
        });
    }

    @Override
    public List<StoredMessage> search(SearchQuery query) {
        return read(() -> {
            List<Map.Entry<Position, StoredMessage>> found = new ArrayList<>();
            conversations.forEach((key, conversation) -> {
                Optional<DirectKey> sides = DirectKey.parse(key);
                boolean readable = query.readable()
                        .allows(
                                key,
                                sides.map(DirectKey::low).orElse(null),
                                sides.map(DirectKey::high).orElse(null));
                if (readable && query.in().map(key::equals).orElse(true)) {
                    for (Map.Entry<Position, StoredMessage> entry : conversation.entrySet()) {
                        if (matches(entry.getValue(), query)) {
                            found.add(entry);
                        }
                    }
                }
            });
            found.sort(Map.Entry.comparingByKey());
            List<Map.Entry<Position, StoredMessage>> kept = query.after().isPresent()
                    ? found.subList(0, Math.min(query.limit(), found.size()))
                    : found.subList(Math.max(0, found.size() - query.limit()), found.size());
            return kept.stream().map(Map.Entry::getValue).toList();
        });
    }

    /** Whole-word, case-insensitive matching, as the databases' full-text indexes do. */
    private static boolean matches(StoredMessage message, SearchQuery query) {
        if (!Playback.MESSAGES.includes(message.command())) {
            return false;
        }
        if (query.fromNick().isPresent()
                && !message.senderNick().equalsIgnoreCase(query.fromNick().get())) {
            return false;
        }
        if (query.after().isPresent() && message.time().isBefore(query.after().get())) {
            return false;
        }
        if (query.before().isPresent() && message.time().isAfter(query.before().get())) {
            return false;
        }
        return new HashSet<>(SearchQuery.wordsOf(message.text())).containsAll(query.words());
    }

    @Override
    public int deleteBefore(Instant cutoff, int limit) {
        return write(() -> {
            List<Map.Entry<Position, StoredMessage>> doomed = new ArrayList<>();
            for (NavigableMap<Position, StoredMessage> conversation : conversations.values()) {
                doomed.addAll(
                        conversation.headMap(Position.firstAt(cutoff), false).entrySet());
            }
            doomed.sort(Map.Entry.comparingByKey());
            return remove(doomed.subList(0, Math.min(limit, doomed.size())));
        });
    }

    @Override
    public List<String> keysOver(int keep) {
        return read(() -> conversations.entrySet().stream()
                .filter(e -> e.getValue().size() > keep)
                .map(Map.Entry::getKey)
                .toList());
    }

    @Override
    public int deleteBeyond(String historyKey, int keep, int limit) {
        return write(() -> {
            NavigableMap<Position, StoredMessage> conversation = conversations.get(historyKey);
            if (conversation == null || conversation.size() <= keep) {
                return 0;
            }
            int excess = Math.min(limit, conversation.size() - keep);
            return remove(new ArrayList<>(conversation.entrySet()).subList(0, excess));
        });
    }

    private int remove(List<Map.Entry<Position, StoredMessage>> doomed) {
        List<Map.Entry<Position, StoredMessage>> copy = List.copyOf(doomed);
        for (Map.Entry<Position, StoredMessage> entry : copy) {
            StoredMessage message = entry.getValue();
            NavigableMap<Position, StoredMessage> conversation = conversations.get(message.historyKey());
            conversation.remove(entry.getKey());
            if (conversation.isEmpty()) {
                conversations.remove(message.historyKey());
            }
            positionsByMsgId.remove(message.msgid());
        }
        return copy.size();
    }

    private <T> T write(Supplier<T> change) {
        lock.writeLock().lock();
        try {
            return change.get();
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public long count() {
        return read(() -> (long) positionsByMsgId.size());
    }

    @Override
    public void close() {
        // Nothing to release: the heap is the store.
    }

    private void append(StoredMessage message) {
        if (positionsByMsgId.containsKey(message.msgid())) {
            return;
        }
        StoredMessage stored = toMillis(message);
        Position position = new Position(stored.time().toEpochMilli(), nextSeq++);
        positionsByMsgId.put(stored.msgid(), position);
        conversations.computeIfAbsent(stored.historyKey(), k -> new TreeMap<>()).put(position, stored);
    }

    private NavigableMap<Position, StoredMessage> conversation(String historyKey) {
        return conversations.getOrDefault(historyKey, Collections.emptyNavigableMap());
    }

    /** Whether the conversation has a message at or after the later end of the window. */
    private static boolean activeAfter(NavigableMap<Position, StoredMessage> conversation, Instant a, Instant b) {
        Instant high = a.isBefore(b) ? b : a;
        return conversation.tailMap(Position.firstAt(high), true).values().stream()
                .anyMatch(m -> Playback.MESSAGES.includes(m.command()));
    }

    /** Messages strictly between the two times, whichever comes first. */
    private static NavigableMap<Position, StoredMessage> window(
            NavigableMap<Position, StoredMessage> conversation, Instant a, Instant b) {
        Instant low = a.isBefore(b) ? a : b;
        Instant high = a.isBefore(b) ? b : a;
        if (!low.isBefore(high)) {
            return Collections.emptyNavigableMap();
        }
        return conversation.subMap(Position.lastAt(low), false, Position.firstAt(high), false);
    }

    private static List<StoredMessage> oldest(
            NavigableMap<Position, StoredMessage> window, int limit, Playback playback) {
        return window.values().stream()
                .filter(m -> playback.includes(m.command()))
                .limit(Math.max(0, limit))
                .toList();
    }

    private static List<StoredMessage> newestChronological(
            NavigableMap<Position, StoredMessage> window, int limit, Playback playback) {
        List<StoredMessage> newestFirst = window.descendingMap().values().stream()
                .filter(m -> playback.includes(m.command()))
                .limit(Math.max(0, limit))
                .toList();
        List<StoredMessage> chronological = new ArrayList<>(newestFirst);
        Collections.reverse(chronological);
        return chronological;
    }

    private static StoredMessage toMillis(StoredMessage m) {
        Instant millis = Instant.ofEpochMilli(m.time().toEpochMilli());
        return millis.equals(m.time())
                ? m
                : new StoredMessage(
                        m.msgid(),
                        millis,
                        m.historyKey(),
                        m.target(),
                        m.senderNick(),
                        m.senderSource(),
                        m.senderAccount(),
                        m.senderIdentity(),
                        m.command(),
                        m.text(),
                        m.tags());
    }

    private <T> T read(Supplier<T> query) {
        lock.readLock().lock();
        try {
            return query.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Where a message sits: server time, then insertion order (the SQL store's id). */
    private record Position(long timeMs, long seq) implements Comparable<Position> {

        private static final Comparator<Position> ORDER =
                Comparator.comparingLong(Position::timeMs).thenComparingLong(Position::seq);

        static Position firstAt(Instant time) {
            return new Position(time.toEpochMilli(), Long.MIN_VALUE);
        }

        static Position lastAt(Instant time) {
            return new Position(time.toEpochMilli(), Long.MAX_VALUE);
        }

        @Override
        public int compareTo(Position other) {
            return ORDER.compare(this, other);
        }
    }
}
