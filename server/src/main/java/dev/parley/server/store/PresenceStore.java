package dev.parley.server.store;

import java.util.List;
import java.util.Map;

/**
 * Always-on accounts: the presences kept across restarts and each account's own choice. Blocking:
 * call off the event loops.
 */
public interface PresenceStore {

    /** Every kept presence. */
    List<StoredPresence> list();

    /** Keeps the presence, replacing what was kept for its account. */
    void put(StoredPresence presence);

    /** Forgets the account's presence; whether one was kept. */
    boolean remove(String accountKey);

    /** The accounts that chose (ALWAYSON ON or OFF), by casefolded name; the others follow the server's default. */
    Map<String, Boolean> choices();

    /** Records the account's choice; null forgets it (back to the server's default). */
    void choose(String accountKey, Boolean alwaysOn);
}
