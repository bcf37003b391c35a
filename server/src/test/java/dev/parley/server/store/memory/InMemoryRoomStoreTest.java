package dev.parley.server.store.memory;

import dev.parley.server.store.RoomStore;
import dev.parley.server.store.RoomStoreContract;

class InMemoryRoomStoreTest extends RoomStoreContract {

    @Override
    protected RoomStore newStore() {
        return new InMemoryRoomStore();
    }
}
