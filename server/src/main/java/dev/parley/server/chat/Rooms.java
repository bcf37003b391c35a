package dev.parley.server.chat;

import dev.parley.protocol.name.CaseMapping;
import java.time.Clock;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** All rooms of this server, by casefolded name. Rooms are created on first join and close when empty. */
public final class Rooms {

    private final ConcurrentHashMap<String, Room> byKey = new ConcurrentHashMap<>();
    private final CaseMapping caseMapping;
    private final Clock clock;

    public Rooms(CaseMapping caseMapping, Clock clock) {
        this.caseMapping = caseMapping;
        this.clock = clock;
    }

    public Optional<Room> find(String name) {
        return Optional.ofNullable(byKey.get(caseMapping.fold(name)));
    }

    /** Joins the user to the room, creating it when it does not exist. */
    public JoinOutcome join(String name, ChatUser user, String givenKey) {
        String key = caseMapping.fold(name);
        while (true) {
            Room room = byKey.computeIfAbsent(key, k -> new Room(name, caseMapping, clock.instant().getEpochSecond()));
            JoinOutcome outcome = room.join(user, givenKey);
            if (!(outcome instanceof JoinOutcome.Closed)) {
                return outcome;
            }
            byKey.remove(key, room);
        }
    }

    /** Removes the user from the room; drops the room when it emptied. */
    public boolean leave(Room room, ChatUser user) {
        boolean removed = room.remove(user);
        if (room.isClosed()) {
            byKey.remove(room.key(), room);
        }
        return removed;
    }

    public Collection<Room> all() {
        return byKey.values();
    }

    public int count() {
        return byKey.size();
    }
}
