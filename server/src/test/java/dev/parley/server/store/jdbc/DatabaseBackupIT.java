package dev.parley.server.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.config.Secret;
import dev.parley.server.config.StorageConfig;
import dev.parley.server.store.Account;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseBackupIT {

    @TempDir
    Path dir;

    @Test
    void aSqliteBackupTakenWhileTheServerWritesIsConsistentAndOwnerOnly() throws Exception {
        StorageConfig config = SqliteStorage.in(dir.resolve("data"));
        Path target = dir.resolve("backup.db");
        try (JdbcStorage storage = JdbcStorage.open(config)) {
            AtomicInteger created = new AtomicInteger();
            AtomicBoolean stop = new AtomicBoolean();
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                while (!stop.get()) {
                    storage.accounts().create(new Account("user" + created.get(), "$2a$04$x", false, Instant.now()));
                    created.incrementAndGet();
                }
            });
            while (created.get() < 50) {
                Thread.onSpinWait();
            }
            int before = created.get();

            BackupOutcome outcome = DatabaseBackup.backUp(config, target, false);

            int after = created.get();
            stop.set(true);
            writer.get(10, TimeUnit.SECONDS);
            assertThat(outcome).isInstanceOfSatisfying(BackupOutcome.Written.class, written -> {
                assertThat(written.file()).isEqualTo(target);
                assertThat(written.bytes()).isEqualTo(target.toFile().length());
            });
            assertThat(count(target, "SELECT count(*) FROM accounts")).isBetween(before, after);
        }
        assertThat(single(target, "PRAGMA integrity_check")).isEqualTo("ok");
        assertThat(count(target, "SELECT count(*) FROM flyway_schema_history WHERE success = 1"))
                .isEqualTo(11);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target)))
                .isEqualTo("rw-------");
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("data", "backup.db");
        }
    }

    @Test
    void anExistingFileIsKeptUnlessItMayBeReplaced() throws Exception {
        StorageConfig config = SqliteStorage.in(dir.resolve("data"));
        JdbcStorage.open(config).close();
        Path target = Files.writeString(dir.resolve("backup.db"), "keep me");

        assertThat(DatabaseBackup.backUp(config, target, false)).isEqualTo(new BackupOutcome.TargetExists(target));
        assertThat(Files.readString(target)).isEqualTo("keep me");

        assertThat(DatabaseBackup.backUp(config, target, true)).isInstanceOf(BackupOutcome.Written.class);
        assertThat(single(target, "PRAGMA integrity_check")).isEqualTo("ok");
    }

    @Test
    void withoutADatabaseFileThereIsNothingToBackUp() {
        StorageConfig config = SqliteStorage.in(dir.resolve("never-started"));

        assertThat(DatabaseBackup.backUp(config, dir.resolve("backup.db"), false))
                .isInstanceOf(BackupOutcome.NotPossible.class);
        assertThat(dir.resolve("backup.db")).doesNotExist();
    }

    @Test
    void mariaDbIsBackedUpWithMysqldumpNamingHostPortDatabaseAndUserButNoPassword() {
        StorageConfig config =
                server("jdbc:mysql://db.example.com:3307/chat?user=fromurl&password=url-secret", Optional.of("parley"));

        Path target = dir.resolve("my backup.sql");

        BackupOutcome outcome = DatabaseBackup.backUp(config, target, false);

        assertThat(outcome)
                .isEqualTo(new BackupOutcome.UseDumpTool(
                        "mysqldump --single-transaction --routines --triggers --default-character-set=utf8mb4"
                                + " --host=db.example.com --port=3307 --user=parley -p chat > '" + target + "'",
                        "mysql --default-character-set=utf8mb4 --host=db.example.com --port=3307 --user=parley -p chat < '"
                                + target + "'"));
    }

    @Test
    void postgresIsBackedUpWithPgDumpAndTheUserFromTheUrlWhenNoneIsConfigured() {
        StorageConfig config = server("jdbc:postgresql://[::1]/parley?user=chat&password=url-secret", Optional.empty());
        Path target = dir.resolve("parley.dump");

        BackupOutcome outcome = DatabaseBackup.backUp(config, target, false);

        assertThat(outcome)
                .isEqualTo(new BackupOutcome.UseDumpTool(
                        "pg_dump --host=::1 --port=5432 --username=chat --format=custom --file=" + target + " parley",
                        "pg_restore --host=::1 --port=5432 --username=chat --clean --if-exists --dbname=parley "
                                + target));
    }

    private StorageConfig server(String url, Optional<String> user) {
        return new StorageConfig(dir, Optional.of(url), user, Optional.of(Secret.of("db-secret")), 2);
    }

    private static int count(Path database, String sql) throws Exception {
        return Integer.parseInt(single(database, sql));
    }

    private static String single(Path database, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
