package dev.parley.server.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import dev.parley.server.config.StorageConfig;
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
