package dev.parley.server.store.jdbc;

import dev.parley.server.store.PresenceStore;
import dev.parley.server.store.PresenceStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The presence store contract on a fresh database of the MariaDb server. */
class MariaDbPresenceStoreIT extends PresenceStoreContract {

    @TempDir
    Path dataDir;

    private VendorStorage vendor;

    @Override
    protected PresenceStore newStore() {
        vendor = VendorStorage.open(ServerDatabase.Vendor.MARIADB, dataDir, false);
        return vendor.storage().presences();
    }

    @Override
    protected void closeStore() throws Exception {
        if (vendor != null) {
            vendor.close();
        }
    }
}
