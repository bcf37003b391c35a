package dev.parley.server.store.jdbc;

import dev.parley.server.store.BanStore;
import dev.parley.server.store.BanStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The ban store contract on a fresh database of the PostgreSQL server. */
class PostgresBanStoreIT extends BanStoreContract {

    @TempDir
    Path dataDir;

    private VendorStorage vendor;

    @Override
    protected BanStore newStore() {
        vendor = VendorStorage.open(ServerDatabase.Vendor.POSTGRESQL, dataDir, false);
        return vendor.storage().bans();
    }

    @Override
    protected void closeStore() throws Exception {
        if (vendor != null) {
            vendor.close();
        }
    }
}
