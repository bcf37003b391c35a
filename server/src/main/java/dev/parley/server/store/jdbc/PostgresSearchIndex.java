package dev.parley.server.store.jdbc;

import dev.parley.server.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL's full-text index, kept in the language searches use ({@code history.search.language}).
 * The planner uses an expression index only for the very expression a query has, so an index in
 * another language is as good as none. Migration V10 builds it in {@code simple}
 * ({@code messages_fulltext}); at start, when no valid index in the configured language exists, this
 * builds {@code messages_fts_<language>} and then drops the full-text indexes in other languages,
 * which the writer would otherwise keep up for nothing. Blocking and possibly long (minutes on a
 * large history), so it runs at start, before the server serves, never on an event loop. Built
 * {@code CONCURRENTLY}, so other nodes of a cluster keep writing meanwhile; a session advisory lock
 * makes nodes that start together build it once.
 */
final class PostgresSearchIndex {

    private static final Logger log = LoggerFactory.getLogger(PostgresSearchIndex.class);
    /** The advisory lock's key: "parley-search-index", as any constant of our own. */
    private static final long LOCK_KEY = 0x7061726c65790018L;

    private final String language;

    /** @param language a text search configuration name: a plain SQL name, as the config key allows */
    PostgresSearchIndex(String language) {
        if (!language.matches("[a-z][a-z0-9_]{0,49}")) {
            throw new IllegalArgumentException("not a plain text search configuration name: '" + language + "'");
        }
        this.language = language;
    }

    /** The expression searches and the index share (as PostgreSQL prints it back). */
    String expression() {
        return "to_tsvector('" + language + "'::regconfig, message)";
    }

    /** Checks the language exists, then makes the index fit it. Throws {@link StoreException}. */
    void prepare(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true); // CREATE INDEX CONCURRENTLY cannot run in a transaction
            checkLanguage(connection);
            lock(connection, "pg_advisory_lock");
            try {
                fit(connection);
            } finally {
                lock(connection, "pg_advisory_unlock");
            }
        } catch (SQLException e) {
            throw new StoreException("could not prepare the search index for language " + language, e);
        }
    }

    private void checkLanguage(Connection connection) throws SQLException {
        List<String> known = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT cfgname FROM pg_ts_config ORDER BY cfgname")) {
            while (rows.next()) {
                known.add(rows.getString(1));
            }
        }
        if (!known.contains(language)) {
            throw new StoreException("history.search.language: '" + language
                    + "' is not a text search configuration of this PostgreSQL database (pg_ts_config has: "
                    + String.join(", ", known) + ")");
        }
    }

    private void fit(Connection connection) throws SQLException {
        List<FullTextIndex> existing = fullTextIndexes(connection);
        Optional<FullTextIndex> fitting = existing.stream()
                .filter(index -> index.valid() && index.definition().contains(expression()))
                .findFirst();
        String kept = fitting.map(FullTextIndex::name).orElseGet(() -> build(connection, existing));
        for (FullTextIndex index : existing) {
            if (!index.name().equals(kept)) {
                execute(connection, "DROP INDEX CONCURRENTLY IF EXISTS " + index.name());
                log.info(
                        "storage: dropped the search index {} ({}), not in language {}",
                        index.name(),
                        index.definition(),
                        language);
            }
        }
    }

    private String build(Connection connection, List<FullTextIndex> existing) {
        String name = "messages_fts_" + language;
        log.info(
                "storage: building the search index {} for language {}; on a large history this takes a while",
                name,
                language);
        long start = System.nanoTime();
        try {
            if (existing.stream().anyMatch(index -> index.name().equals(name))) {
                execute(connection, "DROP INDEX CONCURRENTLY IF EXISTS " + name); // left invalid by a failed build
            }
            execute(connection, "CREATE INDEX CONCURRENTLY " + name + " ON messages USING GIN (" + expression() + ")");
        } catch (SQLException e) {
            throw new StoreException("could not build the search index " + name + " for language " + language, e);
        }
        log.info("storage: built the search index {} in {} ms", name, (System.nanoTime() - start) / 1_000_000);
        return name;
    }

    private static List<FullTextIndex> fullTextIndexes(Connection connection) throws SQLException {
        List<FullTextIndex> indexes = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT c.relname, pg_get_indexdef(i.indexrelid), i.indisvalid"
                        + " FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
                        + " WHERE i.indrelid = 'messages'::regclass ORDER BY c.relname")) {
            while (rows.next()) {
                FullTextIndex index = new FullTextIndex(rows.getString(1), rows.getString(2), rows.getBoolean(3));
                if (index.definition().contains("to_tsvector(")) {
                    indexes.add(index);
                }
            }
        }
        return indexes;
    }

    private static void lock(Connection connection, String function) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + function + "(?)")) {
            statement.setLong(1, LOCK_KEY);
            statement.execute();
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** A full-text index on {@code messages}, as the catalog has it. */
    private record FullTextIndex(String name, String definition, boolean valid) {}
}
