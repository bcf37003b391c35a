package dev.parley.server.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import dev.parley.server.config.StorageConfig;
import dev.parley.server.store.Account;
import dev.parley.server.store.StoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaMigrationIT {

    private static final String SHIPPED = "classpath:db/migration/sqlite";

    @TempDir
    Path dir;

    @Test
    void aFailedMigrationPutsTheDatabaseBackAsItWasAndSaysSo() throws Exception {
        Path database = existingDatabaseWithAnAccount();

        assertThatThrownBy(() ->
                        migration(SHIPPED, "classpath:db/test-migration/fails").migrate(pool()))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("schema migration failed; the database was restored from "
                        + database.resolveSibling("parley.db.before-V12.bak"));

        assertThat(tables()).doesNotContain("half_done");
        assertThat(query("SELECT max(version + 0) FROM flyway_schema_history")).containsExactly("11");
        assertThat(query("SELECT name FROM accounts")).containsExactly("alice");
    }

    @Test
    void aMigrationThatFailsAfterAnotherWasCommittedUndoesBoth() throws Exception {
        Path database = existingDatabaseWithAnAccount();

        assertThatThrownBy(() -> migration(SHIPPED, "classpath:db/test-migration/succeeds-then-fails")
                        .migrate(pool()))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("restored from");

        assertThat(tables()).doesNotContain("added_by_v9");
        assertThat(query("SELECT name FROM accounts"))
                .as("V12 deleted them; the restore brings them back")
                .containsExactly("alice");
        assertThat(query("SELECT count(*) FROM flyway_schema_history WHERE version IN ('12', '13')"))
                .containsExactly("0");
        assertThat(database.resolveSibling("parley.db-wal"))
                .satisfiesAnyOf(
                        wal -> assertThat(wal).doesNotExist(),
                        wal -> assertThat(Files.size(wal)).isZero());
    }

    @Test
    void theBackupBeforeAnUpgradeIsOwnerOnlyAndKeptAfterItSucceeds() throws Exception {
        Path database = existingDatabaseWithAnAccount();
        Files.writeString(dir.resolve("V12__more.sql"), "CREATE TABLE more (id INTEGER);\n");

        int applied = migration(SHIPPED, "filesystem:" + dir).migrate(pool());

        assertThat(applied).isEqualTo(1);
        Path backup = database.resolveSibling("parley.db.before-V12.bak");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(backup)))
                .isEqualTo("rw-------");
        assertThat(tables()).contains("more");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + backup);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT max(version + 0) FROM flyway_schema_history")) {
            rows.next();
            assertThat(rows.getInt(1)).isEqualTo(11);
        }
    }

    @Test
    void aNewOrCurrentDatabaseIsNotBackedUp() throws Exception {
        JdbcStorage.open(config()).close();
        JdbcStorage.open(config()).close();

        try (var files = Files.list(dataDir())) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(name -> name.endsWith(".bak"));
        }
    }

    private Path existingDatabaseWithAnAccount() {
        try (JdbcStorage storage = JdbcStorage.open(config())) {
            storage.accounts().create(new Account("alice", "$2a$04$x", false, Instant.now()));
        }
        return dataDir().resolve("parley.db");
    }

    private SchemaMigration migration(String... locations) {
        return new SchemaMigration(List.of(locations), Optional.of(dataDir().resolve("parley.db")));
    }

    private HikariConfig pool() {
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(config().effectiveDatabaseUrl());
        pool.setMinimumIdle(0);
        return pool;
    }

    private Path dataDir() {
        return dir.resolve("data");
    }

    private StorageConfig config() {
        return SqliteStorage.in(dataDir());
    }

    private List<String> tables() throws Exception {
        return query("SELECT name FROM sqlite_master WHERE type = 'table'");
    }

    private List<String> query(String sql) throws Exception {
        List<String> values = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(config().effectiveDatabaseUrl());
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
