package dev.parley.server.store.jdbc;

import dev.parley.server.store.MessageStore;
import dev.parley.server.store.MessageStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The message store contract on a fresh database of the MariaDB server. */
class MariaDbMessageStoreIT extends MessageStoreContract {

    @TempDir
    Path dataDir;

    private VendorStorage vendor;

    @Override
    protected MessageStore newStore() {
        vendor = VendorStorage.open(ServerDatabase.Vendor.MARIADB, dataDir, false);
        return vendor.storage().messages();
    }

    @Override
    protected void closeStore() throws Exception {
        if (vendor != null) {
            vendor.close();
        }
    }
}
