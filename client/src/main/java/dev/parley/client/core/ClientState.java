package dev.parley.client.core;

import dev.parley.protocol.name.CaseMapping;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the client knows, as one immutable snapshot: replaced whole by the reader thread, read
 * freely by any other. Rooms are keyed by their casefolded name and kept in join order.
 *
 * @param nick our nick (null before registration)
 * @param currentRoom where plain text goes (null when in no room)
 * @param rooms the rooms we are in
 * @param isupport the server's 005 tokens ({@code CHATHISTORY -> 1000}; "" for a token without value)
 * @param caps the capabilities the server acknowledged
 * @param batches batches being received (history, search results, multi-line messages), by batch id
 */
public record ClientState(
        String nick,
        String currentRoom,
        Map<String, RoomState> rooms,
        Map<String, String> isupport,
        Set<String> caps,
        Map<String, OpenBatch> batches) {

    public ClientState {
        rooms = Collections.unmodifiableMap(new LinkedHashMap<>(rooms));
        isupport = Map.copyOf(isupport);
        caps = Set.copyOf(caps);
        batches = Map.copyOf(batches);
    }

    public static ClientState initial() {
        return new ClientState(null, null, Map.of(), Map.of(), Set.of(), Map.of());
    }

    public CaseMapping caseMapping() {
        return "ascii".equals(isupport.get("CASEMAPPING")) ? CaseMapping.ASCII : CaseMapping.RFC1459;
    }

    public boolean isMe(String someNick) {
        return nick != null && someNick != null && caseMapping().equal(nick, someNick);
    }

    public Optional<RoomState> room(String name) {
        return Optional.ofNullable(rooms.get(caseMapping().fold(name)));
    }

    public boolean inRoom(String name) {
        return rooms.containsKey(caseMapping().fold(name));
    }

    /** Names of the rooms we are in, in join order. */
    public List<String> roomNames() {
        return rooms.values().stream().map(RoomState::name).toList();
    }

    /** The page size the server's CHATHISTORY allows, when it offers CHATHISTORY at all. */
    public Optional<Integer> chatHistoryLimit() {
        String value = isupport.get("CHATHISTORY");
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(value));
        } catch (NumberFormatException e) {
            return Optional.of(50);
        }
    }

    public ClientState withNick(String value) {
        return new ClientState(value, currentRoom, rooms, isupport, caps, batches);
    }

    public ClientState withCurrentRoom(String value) {
        return new ClientState(nick, value, rooms, isupport, caps, batches);
    }

    public ClientState withRoom(RoomState room) {
        Map<String, RoomState> next = new LinkedHashMap<>(rooms);
        next.put(caseMapping().fold(room.name()), room);
        return new ClientState(nick, currentRoom, next, isupport, caps, batches);
    }

    /** Without that room; if it was the current one, the first remaining room becomes current. */
    public ClientState withoutRoom(String name) {
        Map<String, RoomState> next = new LinkedHashMap<>(rooms);
        next.remove(caseMapping().fold(name));
        String current = currentRoom != null && caseMapping().equal(currentRoom, name)
                ? next.values().stream().map(RoomState::name).findFirst().orElse(null)
                : currentRoom;
        return new ClientState(nick, current, next, isupport, caps, batches);
    }

    public ClientState withIsupport(Map<String, String> more) {
        Map<String, String> next = new LinkedHashMap<>(isupport);
        next.putAll(more);
        return new ClientState(nick, currentRoom, rooms, next, caps, batches);
    }

    public ClientState withCaps(Set<String> value) {
        return new ClientState(nick, currentRoom, rooms, isupport, value, batches);
    }

    public ClientState withBatch(String id, OpenBatch batch) {
        Map<String, OpenBatch> next = new LinkedHashMap<>(batches);
        if (batch == null) {
            next.remove(id);
        } else {
            next.put(id, batch);
        }
        return new ClientState(nick, currentRoom, rooms, isupport, caps, next);
    }

    /** A fresh connection's state: not registered, in no room, remembering which room was current. */
    public ClientState forNewConnection() {
        return new ClientState(null, currentRoom, Map.of(), Map.of(), Set.of(), Map.of());
    }
}
