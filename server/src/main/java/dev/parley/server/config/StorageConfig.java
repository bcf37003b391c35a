package dev.parley.server.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where data lives.
 *
 * @param dataDir the data directory (SQLite database, spill files)
 * @param databaseUrl a JDBC URL; empty means SQLite at {@code dataDir/parley.db}
 * @param databaseUser user for the JDBC URL, if it needs one
 * @param databasePassword password for the JDBC URL, if it needs one
 * @param poolSize the JDBC connection pool's maximum size
 */
public record StorageConfig(
        Path dataDir,
        Optional<String> databaseUrl,
        Optional<String> databaseUser,
        Optional<Secret> databasePassword,
        int poolSize) {

    public static StorageConfig defaults() {
        return new StorageConfig(Path.of("data"), Optional.empty(), Optional.empty(), Optional.empty(), 4);
    }

    /** The JDBC URL in force: the configured one, or SQLite in the data directory. */
    public String effectiveDatabaseUrl() {
        return databaseUrl.orElseGet(() -> "jdbc:sqlite:" + dataDir.resolve("parley.db"));
    }
}
