package dev.parley.server.store.memory;

import dev.parley.server.store.PresenceStore;
import dev.parley.server.store.StoredPresence;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Presences and choices in the heap: for tests and running without persistence. */
public final class InMemoryPresenceStore implements PresenceStore {

    private final Map<String, StoredPresence> presences = new ConcurrentHashMap<>();
    private final Map<String, Boolean> choices = new ConcurrentHashMap<>();

    @Override
    public List<StoredPresence> list() {
        return new ArrayList<>(presences.values());
    }

    @Override
    public void put(StoredPresence presence) {
        presences.put(presence.accountKey(), presence);
    }

    @Override
    public boolean remove(String accountKey) {
        return presences.remove(accountKey) != null;
    }

    @Override
    public Map<String, Boolean> choices() {
        return Map.copyOf(choices);
    }

    @Override
    public void choose(String accountKey, Boolean alwaysOn) {
        if (alwaysOn == null) {
            choices.remove(accountKey);
        } else {
            choices.put(accountKey, alwaysOn);
        }
    }
}
