package dev.parley.server.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.parley.protocol.name.CaseMapping;
import dev.parley.server.config.SearchConfig;
import dev.parley.server.config.Secret;
import dev.parley.server.config.StorageConfig;
import dev.parley.server.store.OwnerOnlyFiles;
import dev.parley.server.store.StoreException;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database: one connection pool, the schema migrated to the current version, and the stores
 * built on it. Opened once at server start and closed last, after the history writer has drained;
 * closing it closes the pool that every store here uses.
 */
public final class JdbcStorage implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(JdbcStorage.class);
    /** Hikari's validity check on a borrowed connection waits at most this (or the connect timeout). */
    private static final long VALIDATION_TIMEOUT_MS = 2_000;

    private final HikariDataSource dataSource;
    private final JdbcMessageStore messages;
    private final JdbcBanStore bans;
    private final JdbcAccountStore accounts;
    private final JdbcReadMarkerStore readMarkers;
    private final JdbcRoomStore rooms;
    private final JdbcPresenceStore presences;

    private JdbcStorage(HikariDataSource dataSource, SqlDialect dialect, CaseMapping caseMapping) {
        this.dataSource = dataSource;
        this.messages = new JdbcMessageStore(dataSource, dialect);
        this.bans = new JdbcBanStore(dataSource, dialect, caseMapping);
        this.accounts = new JdbcAccountStore(dataSource, caseMapping);
        this.readMarkers = new JdbcReadMarkerStore(dataSource, dialect, caseMapping);
        this.rooms = new JdbcRoomStore(dataSource);
        this.presences = new JdbcPresenceStore(dataSource);
    }

    /** Opens the configured database with the server's case mapping, {@link CaseMapping#RFC1459}. */
    public static JdbcStorage open(StorageConfig config) {
        return open(config, CaseMapping.RFC1459);
    }

    /** Opens the configured database, searching in the default language. */
    public static JdbcStorage open(StorageConfig config, CaseMapping caseMapping) {
        return open(config, caseMapping, SearchConfig.DEFAULT_LANGUAGE);
    }

    /**
     * Creates the data directory, opens the pool, migrates the schema and fits the search index to
     * {@code searchLanguage} ({@code history.search.language}). Blocking; fails with
     * {@link StoreException} when the database cannot be reached or migrated, or has no such language.
     */
    public static JdbcStorage open(StorageConfig config, CaseMapping caseMapping, String searchLanguage) {
        String url = config.effectiveDatabaseUrl();
        SqlDialect dialect = SqlDialects.forUrl(url).searchingIn(searchLanguage);
        createDataDir(config);
        dialect.createFiles(url);
        migrate(config, dialect, url);
        fitSearchIndex(config, dialect, url);
        HikariConfig pool = poolConfig(config, dialect, url);
        dialect.boundCalls(pool, config);
        return new JdbcStorage(new HikariDataSource(pool), dialect, caseMapping);
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

    public JdbcPresenceStore presences() {
        return presences;
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
        // Fail fast when the database is away: history reads then answer with an error instead of
        // waiting Hikari's default 30 s per attempt.
        long connectMillis = config.connectTimeout().toMillis();
        pool.setConnectionTimeout(connectMillis);
        pool.setValidationTimeout(Math.max(250, Math.min(connectMillis, VALIDATION_TIMEOUT_MS)));
        dialect.configurePool(pool, config);
        return pool;
    }

    /**
     * Migrates the schema through a pool of its own, without {@code storage.query-timeout}: a
     * migration may rightly keep a large table busy for longer than any chat query should take.
     */
    private static void migrate(StorageConfig config, SqlDialect dialect, String url) {
        HikariConfig pool = poolConfig(config, dialect, url);
        pool.setPoolName("parley-db-migration");
        pool.setMinimumIdle(0);
        int applied = SchemaMigration.of(dialect, url).migrate(pool);
        log.info("storage open: {} database, {} schema migrations applied", dialect.migrationFolder(), applied);
    }

    /** Fits the search index to the language, as {@link #migrate} through a pool without query timeout. */
    private static void fitSearchIndex(StorageConfig config, SqlDialect dialect, String url) {
        HikariConfig searchIndexPool = poolConfig(config, dialect, url);
        searchIndexPool.setPoolName("parley-db-search-index");
        searchIndexPool.setMinimumIdle(0);
        searchIndexPool.setInitializationFailTimeout(-1); // no connection unless the dialect asks for one
        try (HikariDataSource dataSource = new HikariDataSource(searchIndexPool)) {
            dialect.prepareSearchIndex(dataSource);
        }
        log.info("storage: search matches words by {}", dialect.searchMatching());
    }

    private static void createDataDir(StorageConfig config) {
        try {
            OwnerOnlyFiles.createDirectories(config.dataDir());
        } catch (IOException e) {
            throw new StoreException("could not create the data directory " + config.dataDir(), e);
        }
    }
}
