package dev.parley.server.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import dev.parley.server.config.StorageConfig;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * What differs between SQL vendors, and nothing else: the pool tuning, the migration folder, the
 * statements standard SQL leaves to each vendor, how the seed's {@code timestamp} column takes a
 * value, and how the database is backed up. Adding a vendor is one implementation, one entry in
 * {@link SqlDialects#KNOWN} and one folder under {@code db/migration/}; callers never ask which
 * vendor they talk to.
 */
public interface SqlDialect {

    /** Whether this dialect serves the URL. */
    default boolean serves(String jdbcUrl) {
        return urlPrefixes().stream().anyMatch(jdbcUrl::startsWith);
    }

    /** Every URL prefix this dialect accepts; the first is {@link #urlPrefix()}. */
    default List<String> urlPrefixes() {
        return List.of(urlPrefix());
    }

    /** The URL to hand the driver: the configured one, or an equivalent the shipped driver takes. */
    default String driverUrl(String jdbcUrl) {
        return jdbcUrl;
    }

    /** The JDBC URL prefix this dialect serves ({@code jdbc:sqlite:}). */
    String urlPrefix();

    /** The folder under {@code classpath:db/migration/} holding this vendor's Flyway migrations. */
    String migrationFolder();

    /** Vendor settings for the pool: size, connection properties, per-connection pragmas. */
    void configurePool(HikariConfig pool, StorageConfig storage);

    /**
     * Creates, owner-only, the files the database keeps beside Parley's, before the driver makes
     * them with the process umask. Nothing for a database server.
     */
    default void createFiles(String jdbcUrl) {}

    /**
     * The file the database lives in when it is a file on this machine (SQLite), which is copied
     * before a schema migration and put back if it fails; empty for a database server.
     */
    default Optional<Path> localFile(String jdbcUrl) {
        return Optional.empty();
    }

    /**
     * Driver settings that bound every call to a database server by {@code storage.connect-timeout}
     * and {@code storage.query-timeout}, so a database that hangs (accepts, then answers nothing)
     * fails a call as one that refuses would. For the serving pool only, not for migrations. A
     * setting given in the JDBC URL itself wins over these. Nothing for an embedded database.
     */
    default void boundCalls(HikariConfig pool, StorageConfig storage) {}

    /**
     * Backs the database up to {@code target} (replacing it only when {@code replace}) or says which
     * tool does. Blocking.
     */
    BackupOutcome backUp(StorageConfig storage, Path target, boolean replace);

    /** An INSERT of one row that silently skips it when a unique key already holds the value. */
    String insertIgnoringDuplicates(String table, List<String> columns);

    /** An INSERT of one row that replaces the row with the same {@code keyColumn}. */
    String upsert(String table, List<String> columns, String keyColumn);

    /**
     * The condition that a message's text holds every one of {@code words} (lower-cased letters and
     * digits), through this vendor's full-text index, and the value to bind to its one parameter.
     */
    WordsCondition wordsCondition(List<String> words);

    /**
     * This dialect searching words in {@code language}, a text search configuration where the
     * vendor has them (PostgreSQL); where it has one way of matching only, itself.
     */
    default SqlDialect searchingIn(String language) {
        return this;
    }

    /**
     * Makes the full-text index fit the language searched in, checking the language first; once, at
     * start, before the store serves. Blocking, possibly long. Nothing where the schema migration's
     * index is the only one.
     */
    default void prepareSearchIndex(DataSource dataSource) {}

    /** How searches match words, for the log at start. */
    String searchMatching();

    /**
     * Whether the full-text index is filled behind the writer ({@link DeferredSearchIndex}) rather
     * than by the database on every write.
     */
    default boolean indexesSearchLater() {
        return false;
    }

    /** A full-text condition on {@code messages} with one parameter. */
    record WordsCondition(String sql, String parameter) {}

    /** The value to bind to the seed's {@code messages.timestamp} column for a server time. */
    Object seedTimestamp(Instant time);
}
