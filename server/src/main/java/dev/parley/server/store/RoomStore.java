package dev.parley.server.store;

import java.util.List;

/**
 * Registered rooms (rooms an account founded) with the state they keep across restarts. Blocking:
 * call off the event loops.
 */
public interface RoomStore {

    /** Every registered room. */
    List<StoredRoom> list();

    /** Stores the room's whole state, replacing what was stored under its key. */
    void put(StoredRoom room);

    /** Forgets the room; whether it was stored. */
    boolean remove(String key);
}
