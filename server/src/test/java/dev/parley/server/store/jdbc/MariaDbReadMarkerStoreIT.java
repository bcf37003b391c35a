package dev.parley.server.store.jdbc;

import dev.parley.server.store.AccountStore;
import dev.parley.server.store.ReadMarkerStore;
import dev.parley.server.store.ReadMarkerStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The read marker store contract on a fresh database of the MariaDB server. */
class MariaDbReadMarkerStoreIT extends ReadMarkerStoreContract {

    @TempDir
    Path dataDir;

    private VendorStorage vendor;

    @Override
    protected ReadMarkerStore newStore() {
        vendor = VendorStorage.open(ServerDatabase.Vendor.MARIADB, dataDir, false);
        return vendor.storage().readMarkers();
    }

    @Override
    protected AccountStore accounts() {
        return vendor.storage().accounts();
    }

    @Override
    protected void closeStore() throws Exception {
        if (vendor != null) {
            vendor.close();
        }
    }
}
