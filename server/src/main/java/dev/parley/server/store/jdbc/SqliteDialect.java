package dev.parley.server.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import dev.parley.server.config.StorageConfig;
import dev.parley.server.store.OwnerOnlyFiles;
import dev.parley.server.store.StoreException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

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
        String name = jdbcUrl.substring(urlPrefix().length());
        int query = name.indexOf('?');
        name = query < 0 ? name : name.substring(0, query);
        if (name.isEmpty() || name.startsWith(":") || name.startsWith("file:")) {
            return;
        }
        try {
            OwnerOnlyFiles.createFileIfAbsent(Path.of(name));
        } catch (IOException e) {
            throw new StoreException("could not create the SQLite database file " + name, e);
        }
    }

    @Override
    public String insertIgnoringDuplicates(String table, List<String> columns) {
        return InsertStatements.insertOrNothing(table, columns);
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
