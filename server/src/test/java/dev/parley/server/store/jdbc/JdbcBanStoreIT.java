package dev.parley.server.store.jdbc;

import static dev.parley.server.store.Messages.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.store.Ban;
import dev.parley.server.store.BanStore;
import dev.parley.server.store.BanStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdbcBanStoreIT extends BanStoreContract {

    @TempDir
    Path dataDir;

    private JdbcStorage storage;

    @Override
    protected BanStore newStore() {
        storage = JdbcStorage.open(SqliteStorage.in(dataDir));
        return storage.bans();
    }

    @Override
    protected void closeStore() {
        storage.close();
    }

    @Test
    void bansSurviveARestart() {
        Ban ban = new Ban("bob!*@*", "rude", "admin", at(10));
        store.put(ban);
        storage.close();

        storage = JdbcStorage.open(SqliteStorage.in(dataDir));

        assertThat(storage.bans().list()).containsExactly(ban);
    }
}
