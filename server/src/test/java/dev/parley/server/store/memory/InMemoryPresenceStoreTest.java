package dev.parley.server.store.memory;

import dev.parley.server.store.PresenceStore;
import dev.parley.server.store.PresenceStoreContract;

class InMemoryPresenceStoreTest extends PresenceStoreContract {

    @Override
    protected PresenceStore newStore() {
        return new InMemoryPresenceStore();
    }
}
