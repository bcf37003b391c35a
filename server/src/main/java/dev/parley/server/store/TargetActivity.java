package dev.parley.server.store;

import java.time.Instant;

/**
 * A conversation with recent messages, as CHATHISTORY TARGETS lists it.
 *
 * @param historyKey the room key or the private-conversation key
 * @param latest the time of its newest message in the asked window
 * @param lastMessage that newest message (gives the other party's nick for a private conversation)
 */
public record TargetActivity(String historyKey, Instant latest, StoredMessage lastMessage) {}
