package dev.parley.server.store.jdbc;

import dev.parley.server.store.AccountStore;
import dev.parley.server.store.AccountStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The account store contract on SQLite. */
class JdbcAccountStoreIT extends AccountStoreContract {

    @TempDir
    Path dataDir;

    private JdbcStorage storage;

    @Override
    protected AccountStore newStore() {
        storage = JdbcStorage.open(SqliteStorage.in(dataDir));
        return storage.accounts();
    }

    @Override
    protected void closeStore() {
        storage.close();
    }
}
