package dev.parley.server.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import dev.parley.server.config.StorageConfig;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * MariaDB 10.11+ and MySQL 8, through the MariaDB driver that ships in the jar. A seed user's
 * {@code jdbc:mysql://} URL is handed to that driver as {@code jdbc:mariadb://}, which speaks the
 * same protocol, so no second driver is needed. Tables are utf8mb4 with binary collation: emoji
 * fit, and keys compare exactly (Parley casefolds them itself).
 */
final class MariaDbDialect implements SqlDialect {

    private static final String MYSQL = "jdbc:mysql:";
    private static final String MARIADB = "jdbc:mariadb:";

    @Override
    public String urlPrefix() {
        return MARIADB;
    }

    @Override
    public List<String> urlPrefixes() {
        return List.of(MARIADB, MYSQL);
    }

    @Override
    public String driverUrl(String jdbcUrl) {
        return jdbcUrl.startsWith(MYSQL) ? MARIADB + jdbcUrl.substring(MYSQL.length()) : jdbcUrl;
    }

    @Override
    public String migrationFolder() {
        return "mysql";
    }

    @Override
    public void configurePool(HikariConfig pool, StorageConfig storage) {
        pool.setMinimumIdle(1);
        pool.addDataSourceProperty("connectionCollation", "utf8mb4_bin");
    }

    /** The MariaDB driver takes milliseconds. */
    @Override
    public void boundCalls(HikariConfig pool, StorageConfig storage) {
        pool.addDataSourceProperty(
                "connectTimeout", String.valueOf(storage.connectTimeout().toMillis()));
        pool.addDataSourceProperty(
                "socketTimeout", String.valueOf(storage.queryTimeout().toMillis()));
    }

    /**
     * mysqldump (mariadb-dump), in one transaction so the dump is consistent while the server writes;
     * {@code -p} without a value makes it ask for the password.
     */
    @Override
    public BackupOutcome backUp(StorageConfig storage, Path target, boolean replace) {
        DatabaseServerUrl server = DatabaseServerUrl.parse(storage, 3306);
        String connection = "--host=" + ShellWord.of(server.host()) + " --port=" + server.port()
                + server.user().map(user -> " --user=" + ShellWord.of(user)).orElse("") + " -p";
        String database = ShellWord.of(server.database().orElse("DATABASE"));
        String file = ShellWord.of(target.toString());
        return new BackupOutcome.UseDumpTool(
                "mysqldump --single-transaction --routines --triggers --default-character-set=utf8mb4 " + connection
                        + " " + database + " > " + file,
                "mysql --default-character-set=utf8mb4 " + connection + " " + database + " < " + file);
    }

    /** A no-op update on a duplicate key: unlike INSERT IGNORE, other errors still fail. */
    @Override
    public String insertIgnoringDuplicates(String table, List<String> columns) {
        String first = columns.get(0);
        return InsertStatements.insert(table, columns) + " ON DUPLICATE KEY UPDATE " + first + " = " + first;
    }

    @Override
    public String searchMatching() {
        return "MariaDB/MySQL FULLTEXT: whole words, InnoDB's minimum word length and stop words, no stemming"
                + " (history.search.language is for PostgreSQL)";
    }

    /** The FULLTEXT index (migration V10) in boolean mode: every word required, each quoted. */
    @Override
    public WordsCondition wordsCondition(List<String> words) {
        String query = words.stream().map(w -> "+\"" + w + '"').collect(Collectors.joining(" "));
        return new WordsCondition("MATCH (message) AGAINST (? IN BOOLEAN MODE)", query);
    }

    @Override
    public String upsert(String table, List<String> columns, String keyColumn) {
        String updates = columns.stream()
                .filter(column -> !column.equals(keyColumn))
                .map(column -> column + " = VALUES(" + column + ")")
                .collect(Collectors.joining(", "));
        return InsertStatements.insert(table, columns) + " ON DUPLICATE KEY UPDATE " + updates;
    }

    @Override
    public Object seedTimestamp(Instant time) {
        return SeedTimestamps.utc(time);
    }
}
