package dev.parley.server.store.memory;

import dev.parley.server.store.RoomStore;
import dev.parley.server.store.StoredRoom;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Registered rooms in the heap, by key: for tests and for running without persistence. */
public final class InMemoryRoomStore implements RoomStore {

    private final ConcurrentMap<String, StoredRoom> rooms = new ConcurrentHashMap<>();

    @Override
    public List<StoredRoom> list() {
        return rooms.values().stream()
                .sorted(Comparator.comparing(StoredRoom::key))
                .toList();
    }

    @Override
    public void put(StoredRoom room) {
        rooms.put(room.key(), room);
    }

    @Override
    public boolean remove(String key) {
        return rooms.remove(key) != null;
    }
}
