package dev.parley.server.store.jdbc;

import java.nio.file.Path;

/** A {@link JdbcStorage} on a fresh database of a server vendor; closing it drops the database. */
final class VendorStorage implements AutoCloseable {

    private final ServerDatabase database;
    private final JdbcStorage storage;

    private VendorStorage(ServerDatabase database, JdbcStorage storage) {
        this.database = database;
        this.storage = storage;
    }

    /** Opens it; {@code mysqlScheme} reaches MariaDB through a {@code jdbc:mysql://} URL. */
    static VendorStorage open(ServerDatabase.Vendor vendor, Path dataDir, boolean mysqlScheme) {
        ServerDatabase database = ServerDatabase.create(vendor);
        return new VendorStorage(database, JdbcStorage.open(database.storage(dataDir, mysqlScheme)));
    }

    JdbcStorage storage() {
        return storage;
    }

    @Override
    public void close() throws Exception {
        try {
            storage.close();
        } finally {
            database.close();
        }
    }
}
