package dev.parley.server.store.jdbc;

import dev.parley.server.config.StorageConfig;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code parley backup}: a backup of the configured database, taken while the server runs. SQLite
 * is copied here; a database server has its own dump tool, which knows its engine better than a
 * copy through JDBC would, so for those the outcome is the command to run. Each {@link SqlDialect}
 * decides which.
 */
public final class DatabaseBackup {

    private DatabaseBackup() {}

    /** Blocking; may take as long as the copy of the whole database. */
    public static BackupOutcome backUp(StorageConfig config, Path target, boolean replace) {
        if (!replace && Files.exists(target)) {
            return new BackupOutcome.TargetExists(target);
        }
        return SqlDialects.forUrl(config.effectiveDatabaseUrl()).backUp(config, target, replace);
    }
}
