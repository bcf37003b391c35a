package dev.parley.server.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import dev.parley.server.config.StorageConfig;
import dev.parley.server.store.OwnerOnlyFiles;
import dev.parley.server.store.StoreException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * SQLite. WAL lets readers run beside the one writer, so the pool may hold several connections;
 * writes take the database lock when their transaction begins ({@code IMMEDIATE}), so two writers
 * queue on {@code busy_timeout} instead of failing half-way with {@code SQLITE_BUSY}.
 */
final class SqliteDialect implements SqlDialect {

    /** How long a writer waits for another to finish before the statement fails. */
    static final int BUSY_TIMEOUT_MILLIS = 10_000;

    /** {@code CURRENT_TIMESTAMP}'s format, which the seed's column held. */
    private static final DateTimeFormatter SEED_TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    /** Replaced whole, so the writer and a reader racing on it are safe. */
    private volatile SeedSecond lastSecond = new SeedSecond(Long.MIN_VALUE, "");

    @Override
    public String urlPrefix() {
        return "jdbc:sqlite:";
    }

    @Override
    public String migrationFolder() {
        return "sqlite";
    }

    @Override
    public void configurePool(HikariConfig pool, StorageConfig storage) {
        pool.setMinimumIdle(1);
        pool.addDataSourceProperty("journal_mode", "WAL");
        pool.addDataSourceProperty("busy_timeout", String.valueOf(BUSY_TIMEOUT_MILLIS));
        pool.addDataSourceProperty("foreign_keys", "true");
        pool.addDataSourceProperty("transaction_mode", "IMMEDIATE");
    }

    /**
     * Creates the database file 0600 when it does not exist yet: SQLite takes an empty file as an
     * empty database and gives its {@code -wal} and {@code -shm} files the database file's
     * permissions, so all three stay owner-only. In-memory and {@code file:} URI databases are left
     * to the driver.
     */
    @Override
    public void createFiles(String jdbcUrl) {
        Optional<Path> file = databaseFile(jdbcUrl);
        if (file.isEmpty()) {
            return;
        }
        try {
            OwnerOnlyFiles.createFileIfAbsent(file.get());
        } catch (IOException e) {
            throw new StoreException("could not create the SQLite database file " + file.get(), e);
        }
    }

    /**
     * A consistent copy of the live database: {@code VACUUM INTO} reads one snapshot while the
     * server goes on writing (WAL), unlike copying the file, which can catch a write half-done.
     */
    @Override
    public BackupOutcome backUp(StorageConfig storage, Path target, boolean replace) {
        String url = storage.effectiveDatabaseUrl();
        Optional<Path> database = databaseFile(url).filter(Files::isRegularFile);
        if (database.isEmpty()) {
            return new BackupOutcome.NotPossible("there is no SQLite database file at "
                    + url.substring(urlPrefix().length()));
        }
        try (Connection connection = DriverManager.getConnection(url, busyWaiting())) {
            return new BackupOutcome.Written(database.get(), target, SqliteCopy.write(connection, target, replace));
        } catch (FileAlreadyExistsException e) {
            return new BackupOutcome.TargetExists(target);
        } catch (SQLException | IOException e) {
            throw new StoreException("could not back up " + database.get() + " to " + target, e);
        }
    }

    /** Waits for the server's writer like the server's own connections do, rather than failing at once. */
    private static Properties busyWaiting() {
        Properties properties = new Properties();
        properties.setProperty("busy_timeout", String.valueOf(BUSY_TIMEOUT_MILLIS));
        return properties;
    }

    @Override
    public Optional<Path> localFile(String jdbcUrl) {
        return databaseFile(jdbcUrl);
    }

    /**
     * The database file a {@code jdbc:sqlite:} URL names; empty for in-memory databases and
     * {@code file:} URIs, which are left to the driver.
     */
    static Optional<Path> databaseFile(String jdbcUrl) {
        String name = jdbcUrl.substring("jdbc:sqlite:".length());
        int query = name.indexOf('?');
        name = query < 0 ? name : name.substring(0, query);
        if (name.isEmpty() || name.startsWith(":") || name.startsWith("file:")) {
            return Optional.empty();
        }
        return Optional.of(Path.of(name));
    }

    @Override
    public String insertIgnoringDuplicates(String table, List<String> columns) {
        return InsertStatements.insertOrNothing(table, columns);
    }

    @Override
    public boolean indexesSearchLater() {
        return true;
    }

    @Override
    public String searchMatching() {
        return "SQLite FTS5's unicode61 tokenizer: whole words, any case, accents ignored, no stemming"
                + " (history.search.language is for PostgreSQL)";
    }

    /** FTS5 (migration V10): each word quoted, so nothing in it is FTS5 syntax; all must match. */
    @Override
    public WordsCondition wordsCondition(List<String> words) {
        String query =
                words.stream().map(w -> '"' + w.replace("\"", "\"\"") + '"').collect(Collectors.joining(" AND "));
        return new WordsCondition("id IN (SELECT rowid FROM messages_fts WHERE messages_fts MATCH ?)", query);
    }

    @Override
    public String upsert(String table, List<String> columns, String keyColumn) {
        return InsertStatements.insertOrUpdate(table, columns, keyColumn);
    }

    /**
     * The seed's column holds whole seconds, and a busy server stores many messages a second: the
     * last second's text is kept, as {@code DateTimeFormatter} took a sixth of the writer's time.
     */
    @Override
    public Object seedTimestamp(Instant time) {
        SeedSecond cached = lastSecond;
        if (cached.epochSecond() != time.getEpochSecond()) {
            cached = new SeedSecond(time.getEpochSecond(), SEED_TIMESTAMP.format(time));
            lastSecond = cached;
        }
        return cached.text();
    }

    private record SeedSecond(long epochSecond, String text) {}
}
