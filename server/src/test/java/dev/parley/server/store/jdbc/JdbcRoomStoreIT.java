package dev.parley.server.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.store.RoomStore;
import dev.parley.server.store.RoomStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The room store contract on SQLite, and that rooms outlive the process. */
class JdbcRoomStoreIT extends RoomStoreContract {

    @TempDir
    Path dataDir;

    private JdbcStorage storage;

    @Override
    protected RoomStore newStore() {
        storage = JdbcStorage.open(SqliteStorage.in(dataDir));
        return storage.rooms();
    }

    @Override
    protected void closeStore() {
        storage.close();
    }

    @Test
    void roomsSurviveARestart() {
        store.put(lounge());
        storage.close();

        storage = JdbcStorage.open(SqliteStorage.in(dataDir));

        assertThat(storage.rooms().list()).containsExactly(lounge());
    }
}
