package dev.parley.server.store;

import dev.parley.protocol.name.CaseMapping;
import java.util.Optional;

/**
 * The history key of a private conversation: the identities of its two sides ({@code ~account}, a
 * guest connection's {@code !id}, or on rows from before guest identities a casefolded nick), sorted,
 * joined by one space ({@code ~alice ~bob}). Both sides of a conversation get the same key whoever
 * writes first, and the space cannot occur in an identity or a room name, so the key never collides
 * with a room's.
 *
 * @param low the smaller identity
 * @param high the larger identity (equal to {@code low} for messages to oneself)
 */
public record DirectKey(String low, String high) {

    public DirectKey {
        if (low.compareTo(high) > 0) {
            throw new IllegalArgumentException("nicks out of order: " + low + " " + high);
        }
    }

    /** The key for a conversation between two nicks as typed; order and case do not matter. */
    public static DirectKey of(CaseMapping caseMapping, String nickA, String nickB) {
        String a = caseMapping.fold(nickA);
        String b = caseMapping.fold(nickB);
        return a.compareTo(b) <= 0 ? new DirectKey(a, b) : new DirectKey(b, a);
    }

    /** The parts of a private-conversation key; empty for a room key. */
    public static Optional<DirectKey> parse(String historyKey) {
        int space = historyKey.indexOf(' ');
        if (space < 0 || historyKey.indexOf(' ', space + 1) >= 0) {
            return Optional.empty();
        }
        return Optional.of(new DirectKey(historyKey.substring(0, space), historyKey.substring(space + 1)));
    }

    /** Whether the (already folded) nick is one of the two. */
    public boolean involves(String foldedNick) {
        return low.equals(foldedNick) || high.equals(foldedNick);
    }

    /** The other party as seen by {@code foldedNick}. */
    public String peerOf(String foldedNick) {
        return low.equals(foldedNick) ? high : low;
    }

    public String historyKey() {
        return low + " " + high;
    }
}
