package dev.parley.server.store.jdbc;

import static dev.parley.server.store.Messages.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.store.AccountStore;
import dev.parley.server.store.ReadMarkerStore;
import dev.parley.server.store.ReadMarkerStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The read marker store contract on SQLite, and markers kept across a restart. */
class JdbcReadMarkerStoreIT extends ReadMarkerStoreContract {

    @TempDir
    Path dataDir;

    private JdbcStorage storage;

    @Override
    protected ReadMarkerStore newStore() {
        storage = JdbcStorage.open(SqliteStorage.in(dataDir));
        return storage.readMarkers();
    }

    @Override
    protected AccountStore accounts() {
        return storage.accounts();
    }

    @Override
    protected void closeStore() {
        storage.close();
    }

    @Test
    void markersSurviveARestart() {
        store.advance("bob", "#room", at(10));
        storage.close();

        storage = JdbcStorage.open(SqliteStorage.in(dataDir));

        assertThat(storage.readMarkers().find("BOB", "#ROOM")).contains(at(10));
    }
}
