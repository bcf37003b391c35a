package dev.parley.server.store.memory;

import dev.parley.server.store.BanStore;
import dev.parley.server.store.BanStoreContract;

class InMemoryBanStoreTest extends BanStoreContract {

    @Override
    protected BanStore newStore() {
        return new InMemoryBanStore();
    }
}
