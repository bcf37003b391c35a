package dev.parley.server.store.jdbc;

import dev.parley.server.config.StorageConfig;
import java.nio.file.Path;
import java.util.Optional;

/** Storage settings for a SQLite database in a test's temporary directory. */
public final class SqliteStorage {

    private SqliteStorage() {}

    public static StorageConfig in(Path dataDir) {
        return new StorageConfig(dataDir, Optional.empty(), Optional.empty(), Optional.empty(), 2);
    }

    static String url(Path dataDir) {
        return in(dataDir).effectiveDatabaseUrl();
    }
}
