package dev.parley.server.store.memory;

import dev.parley.server.store.MessageStore;
import dev.parley.server.store.MessageStoreContract;

class InMemoryMessageStoreTest extends MessageStoreContract {

    @Override
    protected MessageStore newStore() {
        return new InMemoryMessageStore();
    }
}
