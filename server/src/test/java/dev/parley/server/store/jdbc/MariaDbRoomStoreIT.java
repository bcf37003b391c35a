package dev.parley.server.store.jdbc;

import dev.parley.server.store.RoomStore;
import dev.parley.server.store.RoomStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The room store contract on a fresh database of the MariaDB server. */
class MariaDbRoomStoreIT extends RoomStoreContract {

    @TempDir
    Path dataDir;

    private VendorStorage vendor;

    @Override
    protected RoomStore newStore() {
        vendor = VendorStorage.open(ServerDatabase.Vendor.MARIADB, dataDir, false);
        return vendor.storage().rooms();
    }

    @Override
    protected void closeStore() throws Exception {
        if (vendor != null) {
            vendor.close();
        }
    }
}
