package dev.parley.server.chat;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The IRCv3 metadata of one user or one room: keys to values, in the order they were first set.
 * Changes happen under this object's lock; readers take the immutable snapshot ({@link #entries()})
 * and hold no lock, as with a room's members.
 */
public final class Metadata {

    /** What a {@link #set} did. */
    public enum Change {
        ADDED,
        REPLACED,
        UNCHANGED,
        LIMIT_REACHED
    }

    private volatile Map<String, String> entries = Map.of();

    public Map<String, String> entries() {
        return entries;
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    /** Sets {@code key}; a new key is refused once {@code maxKeys} are set. */
    public synchronized Change set(String key, String value, int maxKeys) {
        String old = entries.get(key);
        if (value.equals(old)) {
            return Change.UNCHANGED;
        }
        if (old == null && entries.size() >= maxKeys) {
            return Change.LIMIT_REACHED;
        }
        Map<String, String> next = new LinkedHashMap<>(entries);
        next.put(key, value);
        entries = Collections.unmodifiableMap(next);
        return old == null ? Change.ADDED : Change.REPLACED;
    }

    /** Removes {@code key}; returns whether it was set. */
    public synchronized boolean remove(String key) {
        if (!entries.containsKey(key)) {
            return false;
        }
        Map<String, String> next = new LinkedHashMap<>(entries);
        next.remove(key);
        entries = Collections.unmodifiableMap(next);
        return true;
    }

    /** Removes every key; returns what was set. */
    public synchronized Map<String, String> clear() {
        Map<String, String> old = entries;
        entries = Map.of();
        return old;
    }
}
