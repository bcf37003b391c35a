package dev.parley.server.store;

import java.util.List;

/** Server bans, kept across restarts. Blocking: call off the event loops. */
public interface BanStore {

    List<Ban> list();

    /** Adds the ban, replacing one with the same mask (compared case-insensitively after folding). */
    void put(Ban ban);

    /** Removes the ban with this mask; whether there was one. */
    boolean remove(String mask);
}
