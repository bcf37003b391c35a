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

    /** What a backup came to; expected outcomes are values, failures a {@code StoreException}. */
    public sealed interface Outcome permits Written, TargetExists, UseDumpTool, NotPossible {}

    /** The database was copied to {@code file}, {@code bytes} long. */
    public record Written(Path database, Path file, long bytes) implements Outcome {}

    /** {@code file} exists and was not to be replaced; nothing was written. */
    public record TargetExists(Path file) implements Outcome {}

    /** A database server: {@code command} backs it up (it asks for the password; none is in it). */
    public record UseDumpTool(String command, String restoreCommand) implements Outcome {}

    /** There is nothing to back up (an in-memory database, no database file yet). */
    public record NotPossible(String reason) implements Outcome {}

    private DatabaseBackup() {}

    /** Blocking; may take as long as the copy of the whole database. */
    public static Outcome backUp(StorageConfig config, Path target, boolean replace) {
        if (!replace && Files.exists(target)) {
            return new TargetExists(target);
        }
        return SqlDialect.forUrl(config.effectiveDatabaseUrl()).backUp(config, target, replace);
    }
}
