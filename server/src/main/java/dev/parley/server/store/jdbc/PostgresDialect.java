package dev.parley.server.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import dev.parley.server.config.SearchConfig;
import dev.parley.server.config.StorageConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;

/** PostgreSQL 15+. */
final class PostgresDialect implements SqlDialect {

    private final PostgresSearchIndex searchIndex;
    private final String language;

    /** Searching in {@code simple}, the language of migration V10's index. */
    PostgresDialect() {
        this(SearchConfig.DEFAULT_LANGUAGE);
    }

    private PostgresDialect(String language) {
        this.language = language;
        this.searchIndex = new PostgresSearchIndex(language);
    }

    @Override
    public SqlDialect searchingIn(String language) {
        return new PostgresDialect(language);
    }

    @Override
    public void prepareSearchIndex(DataSource dataSource) {
        searchIndex.prepare(dataSource);
    }

    @Override
    public String searchMatching() {
        return "PostgreSQL's text search configuration '" + language + "' (history.search.language)";
    }

    @Override
    public String urlPrefix() {
        return "jdbc:postgresql:";
    }

    @Override
    public String migrationFolder() {
        return "postgresql";
    }

    @Override
    public void configurePool(HikariConfig pool, StorageConfig storage) {
        pool.setMinimumIdle(1);
    }

    /** pgjdbc takes whole seconds; a part second is rounded up, never down to "no timeout" (0). */
    @Override
    public void boundCalls(HikariConfig pool, StorageConfig storage) {
        String connect = String.valueOf(wholeSeconds(storage.connectTimeout()));
        pool.addDataSourceProperty("connectTimeout", connect);
        pool.addDataSourceProperty("loginTimeout", connect);
        pool.addDataSourceProperty("socketTimeout", String.valueOf(wholeSeconds(storage.queryTimeout())));
    }

    /**
     * pg_dump's custom format, consistent while the server writes, and restored with pg_restore. The
     * password comes from the prompt, PGPASSWORD or ~/.pgpass, never from the command line.
     */
    @Override
    public BackupOutcome backUp(StorageConfig storage, Path target, boolean replace) {
        DatabaseServerUrl server = DatabaseServerUrl.parse(storage, 5432);
        String connection = "--host=" + ShellWord.of(server.host()) + " --port=" + server.port()
                + server.user().map(user -> " --username=" + ShellWord.of(user)).orElse("");
        String database = ShellWord.of(server.database().orElse("DATABASE"));
        String file = ShellWord.of(target.toString());
        return new BackupOutcome.UseDumpTool(
                "pg_dump " + connection + " --format=custom --file=" + file + " " + database,
                "pg_restore " + connection + " --clean --if-exists --dbname=" + database + " " + file);
    }

    private static long wholeSeconds(Duration duration) {
        return Math.max(1, (duration.toMillis() + 999) / 1000);
    }

    @Override
    public String insertIgnoringDuplicates(String table, List<String> columns) {
        return InsertStatements.insertOrNothing(table, columns);
    }

    /**
     * The GIN index's expression ({@link PostgresSearchIndex}), so the planner uses it, with the
     * language written out rather than bound; plainto_tsquery ANDs the words.
     */
    @Override
    public WordsCondition wordsCondition(List<String> words) {
        return new WordsCondition(
                searchIndex.expression() + " @@ plainto_tsquery('" + language + "'::regconfig, ?)",
                String.join(" ", words));
    }

    @Override
    public String upsert(String table, List<String> columns, String keyColumn) {
        return InsertStatements.insertOrUpdate(table, columns, keyColumn);
    }

    @Override
    public Object seedTimestamp(Instant time) {
        return SeedTimestamps.utc(time);
    }
}
