package dev.parley.client.core;

import java.util.List;

/**
 * One joined room as we last heard of it. {@code members} holds bare nicks; {@code pendingNames}
 * collects a NAMES reply until its end.
 */
public record RoomState(String name, String topic, List<String> members, List<String> pendingNames) {

    public RoomState {
        members = List.copyOf(members);
        pendingNames = List.copyOf(pendingNames);
    }

    public static RoomState joined(String name) {
        return new RoomState(name, null, List.of(), List.of());
    }

    public RoomState withTopic(String value) {
        return new RoomState(name, value, members, pendingNames);
    }

    public RoomState withMembers(List<String> value) {
        return new RoomState(name, topic, value, pendingNames);
    }

    public RoomState withPendingNames(List<String> value) {
        return new RoomState(name, topic, members, value);
    }
}
