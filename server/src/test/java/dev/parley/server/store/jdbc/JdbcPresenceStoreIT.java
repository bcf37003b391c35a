package dev.parley.server.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.store.PresenceStore;
import dev.parley.server.store.PresenceStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The presence store contract on SQLite, and that presences outlive the process. */
class JdbcPresenceStoreIT extends PresenceStoreContract {

    @TempDir
    Path dataDir;

    private JdbcStorage storage;

    @Override
    protected PresenceStore newStore() {
        storage = JdbcStorage.open(SqliteStorage.in(dataDir));
        return storage.presences();
    }

    @Override
    protected void closeStore() {
        storage.close();
    }

    @Test
    void presencesAndChoicesSurviveARestart() {
        store.put(alys());
        store.choose("alys", true);
        storage.close();

        storage = JdbcStorage.open(SqliteStorage.in(dataDir));

        assertThat(storage.presences().list()).containsExactly(alys());
        assertThat(storage.presences().choices()).containsEntry("alys", true);
    }
}
