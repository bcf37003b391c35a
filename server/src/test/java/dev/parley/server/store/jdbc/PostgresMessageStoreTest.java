package dev.parley.server.store.jdbc;

import dev.parley.server.store.MessageStore;
import dev.parley.server.store.MessageStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The message store contract on a fresh database of the POSTGRESQL server. */
class PostgresMessageStoreTest extends MessageStoreContract {

    @TempDir
    Path dataDir;

    private ServerDatabase database;
    private JdbcStorage storage;

    @Override
    protected MessageStore newStore() {
        database = ServerDatabase.create(ServerDatabase.Vendor.POSTGRESQL);
        storage = JdbcStorage.open(database.storage(dataDir, false));
        return storage.messages();
    }

    @Override
    protected void closeStore() throws Exception {
        if (storage != null) {
            storage.close();
        }
        if (database != null) {
            database.close();
        }
    }
}
