package dev.parley.server.store.jdbc;

import dev.parley.server.store.BanStore;
import dev.parley.server.store.BanStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The ban store contract on a fresh database of the POSTGRESQL server. */
class PostgresBanStoreTest extends BanStoreContract {

    @TempDir
    Path dataDir;

    private ServerDatabase database;
    private JdbcStorage storage;

    @Override
    protected BanStore newStore() {
        database = ServerDatabase.create(ServerDatabase.Vendor.POSTGRESQL);
        storage = JdbcStorage.open(database.storage(dataDir, false));
        return storage.bans();
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
