package dev.parley.server.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.parley.protocol.name.CaseMapping;
import dev.parley.server.config.Secret;
import dev.parley.server.config.StorageConfig;
import dev.parley.server.store.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database: one connection pool, the schema migrated to the current version, and the stores
 * built on it. Opened once at server start and closed last, after the history writer has drained;
 * closing it closes the pool that every store here uses.
 */
public final class JdbcStorage implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(JdbcStorage.class);
    private static final long CONNECTION_TIMEOUT_MS = 3_000;

    private final HikariDataSource dataSource;
    private final JdbcMessageStore messages;
    private final JdbcBanStore bans;
    private final JdbcAccountStore accounts;
    private final JdbcReadMarkerStore readMarkers;
    private final JdbcRoomStore rooms;

    private JdbcStorage(HikariDataSource dataSource, SqlDialect dialect, CaseMapping caseMapping) {
        this.dataSource = dataSource;
        this.messages = new JdbcMessageStore(dataSource, dialect);
        this.bans = new JdbcBanStore(dataSource, dialect, caseMapping);
        this.accounts = new JdbcAccountStore(dataSource, caseMapping);
        this.readMarkers = new JdbcReadMarkerStore(dataSource, dialect, caseMapping);
        this.rooms = new JdbcRoomStore(dataSource);
    }

    /** Opens the configured database with the server's case mapping, {@link CaseMapping#RFC1459}. */
    public static JdbcStorage open(StorageConfig config) {
        return open(config, CaseMapping.RFC1459);
    }

    /**
     * Creates the data directory, opens the pool and migrates the schema. Blocking; fails with
     * {@link StoreException} when the database cannot be reached or migrated.
     */
    public static JdbcStorage open(StorageConfig config, CaseMapping caseMapping) {
        String url = config.effectiveDatabaseUrl();
        SqlDialect dialect = SqlDialect.forUrl(url);
        createDataDir(config);
        HikariDataSource dataSource = new HikariDataSource(poolConfig(config, dialect, url));
        try {
            int applied = migrate(dataSource, dialect);
            log.info("storage open: {} database, {} schema migrations applied", dialect.migrationFolder(), applied);
        } catch (RuntimeException e) {
            dataSource.close();
            throw new StoreException("could not migrate the database schema", e);
        }
        return new JdbcStorage(dataSource, dialect, caseMapping);
    }

    public JdbcMessageStore messages() {
        return messages;
    }

    public JdbcBanStore bans() {
        return bans;
    }

    public JdbcAccountStore accounts() {
        return accounts;
    }

    public JdbcReadMarkerStore readMarkers() {
        return readMarkers;
    }

    public JdbcRoomStore rooms() {
        return rooms;
    }

    /** Whether the database answers a validity check within 2 s. Blocking. */
    public boolean isReachable() {
        try (java.sql.Connection connection = dataSource.getConnection()) {
            return connection.isValid(2);
        } catch (java.sql.SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }

    private static HikariConfig poolConfig(StorageConfig config, SqlDialect dialect, String url) {
        HikariConfig pool = new HikariConfig();
        pool.setPoolName("parley-db");
        pool.setJdbcUrl(dialect.driverUrl(url));
        config.databaseUser().ifPresent(pool::setUsername);
        config.databasePassword().map(Secret::reveal).ifPresent(pool::setPassword);
        pool.setMaximumPoolSize(Math.max(1, config.poolSize()));
        // Fail fast when the database is away: the history writer then spills to disk and history
        // reads answer with an error, instead of both waiting Hikari's default 30 s per attempt.
        pool.setConnectionTimeout(CONNECTION_TIMEOUT_MS);
        pool.setValidationTimeout(Math.min(CONNECTION_TIMEOUT_MS, 2_000));
        dialect.configurePool(pool, config);
        return pool;
    }

    private static int migrate(HikariDataSource dataSource, SqlDialect dialect) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/" + dialect.migrationFolder())
                .load()
                .migrate()
                .migrationsExecuted;
    }

    private static void createDataDir(StorageConfig config) {
        try {
            Files.createDirectories(config.dataDir());
        } catch (IOException e) {
            throw new StoreException("could not create the data directory " + config.dataDir(), e);
        }
    }
}
