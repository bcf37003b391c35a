package dev.parley.server.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Where data lives.
 *
 * @param dataDir the data directory (SQLite database, spill files)
 * @param databaseUrl a JDBC URL; empty means SQLite at {@code dataDir/parley.db}
 * @param databaseUser user for the JDBC URL, if it needs one
 * @param databasePassword password for the JDBC URL, if it needs one
 * @param databasePasswordFile the file {@code databasePassword} was read from, if it came from one
 * @param poolSize the JDBC connection pool's maximum size
 * @param connectTimeout the longest a caller waits for a connection: from the pool, and the driver's
 *     own connect and login to a database server
 * @param queryTimeout the longest a database call may go without an answer (the driver's socket
 *     timeout, and each statement's query timeout) before it fails, so a hung database fails like
 *     a refused one
 */
public record StorageConfig(
        Path dataDir,
        Optional<String> databaseUrl,
        Optional<String> databaseUser,
        Optional<Secret> databasePassword,
        Optional<Path> databasePasswordFile,
        int poolSize,
        Duration connectTimeout,
        Duration queryTimeout) {

    /** The default {@code connectTimeout}. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(3);
    /** The default {@code queryTimeout}. */
    public static final Duration DEFAULT_QUERY_TIMEOUT = Duration.ofSeconds(5);

    /** A password given as a value, not read from a file. */
    public StorageConfig(
            Path dataDir,
            Optional<String> databaseUrl,
            Optional<String> databaseUser,
            Optional<Secret> databasePassword,
            int poolSize,
            Duration connectTimeout,
            Duration queryTimeout) {
        this(
                dataDir,
                databaseUrl,
                databaseUser,
                databasePassword,
                Optional.empty(),
                poolSize,
                connectTimeout,
                queryTimeout);
    }

    /** With the default timeouts. */
    public StorageConfig(
            Path dataDir,
            Optional<String> databaseUrl,
            Optional<String> databaseUser,
            Optional<Secret> databasePassword,
            int poolSize) {
        this(
                dataDir,
                databaseUrl,
                databaseUser,
                databasePassword,
                poolSize,
                DEFAULT_CONNECT_TIMEOUT,
                DEFAULT_QUERY_TIMEOUT);
    }

    public static StorageConfig defaults() {
        return new StorageConfig(Path.of("data"), Optional.empty(), Optional.empty(), Optional.empty(), 4);
    }

    /** The JDBC URL in force: the configured one, or SQLite in the data directory. */
    public String effectiveDatabaseUrl() {
        return databaseUrl.orElseGet(() -> "jdbc:sqlite:" + dataDir.resolve("parley.db"));
    }

    /** Whether other machines can share this database: a MariaDB/MySQL or PostgreSQL server, not SQLite. */
    public boolean isSharedDatabase() {
        return databaseUrl.filter(url -> !url.startsWith("jdbc:sqlite:")).isPresent();
    }
}
