package dev.parley.server.store;

import java.util.List;

/**
 * A registered room's lasting state.
 *
 * @param key the casefolded name
 * @param name the name as its founder wrote it, with '#'
 * @param founder the account that created the room
 * @param createdAtSeconds when it was created (epoch seconds)
 * @param topic the topic, or {@code null} with none
 * @param modes the flag modes that are set, as letters ({@code "nt"})
 * @param modeKey the +k key, or {@code null}
 * @param limit the +l limit, or 0
 * @param masks the +b, +e and +I entries, each list in its order
 * @param operators accounts given room-operator status, kept as they were written
 */
public record StoredRoom(
        String key,
        String name,
        String founder,
        long createdAtSeconds,
        StoredTopic topic,
        String modes,
        String modeKey,
        int limit,
        List<StoredMask> masks,
        List<String> operators) {

    public StoredRoom {
        masks = List.copyOf(masks);
        operators = List.copyOf(operators);
    }

    /** A topic, who set it ({@code nick!user@host}) and when (epoch seconds). */
    public record StoredTopic(String text, String setBy, long setAtSeconds) {}

    /** An entry of list mode {@code list} ('b', 'e' or 'I'). */
    public record StoredMask(char list, String mask, String setBy, long setAtSeconds) {}
}
