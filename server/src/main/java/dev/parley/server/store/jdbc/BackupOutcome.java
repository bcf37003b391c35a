package dev.parley.server.store.jdbc;

import java.nio.file.Path;

/** What a backup came to; expected outcomes are values, failures a {@code StoreException}. */
public sealed interface BackupOutcome {

    /** The database was copied to {@code file}, {@code bytes} long. */
    record Written(Path database, Path file, long bytes) implements BackupOutcome {}

    /** {@code file} exists and was not to be replaced; nothing was written. */
    record TargetExists(Path file) implements BackupOutcome {}

    /** A database server: {@code command} backs it up (it asks for the password; none is in it). */
    record UseDumpTool(String command, String restoreCommand) implements BackupOutcome {}

    /** There is nothing to back up (an in-memory database, no database file yet). */
    record NotPossible(String reason) implements BackupOutcome {}
}
