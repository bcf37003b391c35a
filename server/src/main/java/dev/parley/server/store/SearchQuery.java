package dev.parley.server.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * A search over history (the {@code SEARCH} command): what the searcher may read, and what to find.
 * Every condition given must hold.
 *
 * @param readable the history the searcher may read; a result never comes from outside it
 * @param in only this history key (a room's key, or a private conversation's)
 * @param fromNick only messages sent under this nick (compared case-insensitively)
 * @param after only messages at or after this time; the results are then the earliest matches
 * @param before only messages at or before this time; without {@code after}, the latest matches
 * @param words words every result contains (the database's full-text matching); none: any text
 * @param limit the most results
 * @param timeout the longest the database may take
 */
public record SearchQuery(
        Readable readable,
        Optional<String> in,
        Optional<String> fromNick,
        Optional<Instant> after,
        Optional<Instant> before,
        List<String> words,
        int limit,
        Duration timeout) {

    public SearchQuery {
        words = List.copyOf(words);
    }

    /**
     * Which history a searcher may read: everything (server operators), or these rooms and every
     * private conversation that {@code identity} is a side of.
     */
    public record Readable(boolean everything, Collection<String> roomKeys, String identity) {

        public static Readable all() {
            return new Readable(true, List.of(), null);
        }

        public static Readable of(Collection<String> roomKeys, String identity) {
            return new Readable(false, List.copyOf(roomKeys), identity);
        }

        /** Whether a message stored under {@code historyKey} with these sides may be read. */
        public boolean allows(String historyKey, String dmLow, String dmHigh) {
            return everything
                    || roomKeys.contains(historyKey)
                    || (identity != null && (identity.equals(dmLow) || identity.equals(dmHigh)));
        }
    }

    /** The words of a search text: runs of letters and digits, lower-cased, at most 16. */
    public static List<String> wordsOf(String text) {
        return java.util.Arrays.stream(text.toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}\\p{N}_]+"))
                .filter(word -> !word.isEmpty())
                .distinct()
                .limit(16)
                .toList();
    }
}
