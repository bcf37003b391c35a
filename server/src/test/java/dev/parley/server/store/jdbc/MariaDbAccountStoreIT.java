package dev.parley.server.store.jdbc;

import dev.parley.server.store.AccountStore;
import dev.parley.server.store.AccountStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The account store contract on a fresh database of the MariaDb server. */
class MariaDbAccountStoreIT extends AccountStoreContract {

    @TempDir
    Path dataDir;

    private VendorStorage vendor;

    @Override
    protected AccountStore newStore() {
        vendor = VendorStorage.open(ServerDatabase.Vendor.MARIADB, dataDir, false);
        return vendor.storage().accounts();
    }

    @Override
    protected void closeStore() throws Exception {
        if (vendor != null) {
            vendor.close();
        }
    }
}
