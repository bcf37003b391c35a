package dev.parley.server.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import dev.parley.server.config.StorageConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** PostgreSQL 15+. */
final class PostgresDialect implements SqlDialect {

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

    private static long wholeSeconds(Duration duration) {
        return Math.max(1, (duration.toMillis() + 999) / 1000);
    }

    @Override
    public String insertIgnoringDuplicates(String table, List<String> columns) {
        return InsertStatements.insertOrNothing(table, columns);
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
