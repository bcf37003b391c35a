package dev.parley.server.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.parley.server.store.OwnerOnlyFiles;
import dev.parley.server.store.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the schema to this version's with Flyway, through a pool of its own. An upgrade must not
 * be able to leave a database half-migrated: Flyway commits each migration on its own, so when the
 * third of five fails the first two stay. So before migrating a database that lives in a local
 * file (SQLite) and has a schema already, it copies the file beside itself
 * ({@code parley.db.before-V9.bak}, 0600), and when a migration fails it puts that copy back and
 * says so. The copy is kept after a successful upgrade too, for going back to the old version.
 */
final class SchemaMigration {

    private static final Logger log = LoggerFactory.getLogger(SchemaMigration.class);

    private final List<String> locations;
    private final Optional<Path> databaseFile;

    /**
     * @param locations Flyway locations of the migrations
     * @param databaseFile the database's file when it is one on this machine, else empty
     */
    SchemaMigration(List<String> locations, Optional<Path> databaseFile) {
        this.locations = List.copyOf(locations);
        this.databaseFile = databaseFile;
    }

    static SchemaMigration of(SqlDialect dialect, String jdbcUrl) {
        return new SchemaMigration(
                List.of("classpath:db/migration/" + dialect.migrationFolder()), dialect.localFile(jdbcUrl));
    }

    /** Migrates; returns how many migrations ran. Throws {@link StoreException} when one failed. */
    int migrate(HikariConfig pool) {
        Optional<Path> backup = Optional.empty();
        RuntimeException failure;
        try (HikariDataSource dataSource = new HikariDataSource(pool)) {
            Flyway flyway = Flyway.configure()
                    .dataSource(dataSource)
                    .locations(locations.toArray(String[]::new))
                    .load();
            backup = backUpBeforePending(flyway.info(), dataSource);
            try {
                return flyway.migrate().migrationsExecuted;
            } catch (RuntimeException e) {
                failure = e;
            }
        } catch (StoreException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new StoreException("could not migrate the database schema", e);
        }
        // The pool is closed now, so no connection holds the file or its WAL while it is put back.
        throw backup.map(file -> restored(file, failure))
                .orElseGet(() -> new StoreException("could not migrate the database schema", failure));
    }

    private Optional<Path> backUpBeforePending(MigrationInfoService info, HikariDataSource dataSource) {
        MigrationInfo[] pending = info.pending();
        if (pending.length == 0 || info.current() == null || databaseFile.isEmpty()) {
            return Optional.empty();
        }
        Path database = databaseFile.get();
        Path backup = database.resolveSibling(database.getFileName() + ".before-V" + pending[0].getVersion() + ".bak");
        try (Connection connection = dataSource.getConnection()) {
            SqliteCopy.write(connection, backup, true);
        } catch (SQLException | IOException e) {
            throw new StoreException("could not back the database up to " + backup + " before migrating its schema", e);
        }
        log.info(
                "storage: upgrading the schema from V{} ({} migrations); backed up {} to {} first",
                info.current().getVersion(),
                pending.length,
                database,
                backup);
        return Optional.of(backup);
    }

    /** Puts the backup back in place of the database and its WAL, and says what happened. */
    private StoreException restored(Path backup, RuntimeException failure) {
        Path database = databaseFile.orElseThrow();
        try {
            Path copy = Files.createTempFile(
                    database.toAbsolutePath().getParent(),
                    "." + database.getFileName(),
                    ".restoring",
                    OwnerOnlyFiles.fileAttributes());
            Files.copy(backup, copy, StandardCopyOption.REPLACE_EXISTING);
            // A WAL left by the failed migration would be replayed into the restored file.
            Files.deleteIfExists(database.resolveSibling(database.getFileName() + "-wal"));
            Files.deleteIfExists(database.resolveSibling(database.getFileName() + "-shm"));
            Files.move(copy, database, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            failure.addSuppressed(e);
            return new StoreException(
                    "a schema migration failed, and putting " + backup + " back failed too (" + e + "): stop, copy "
                            + backup + " to " + database + " and delete its -wal and -shm files",
                    failure);
        }
        String message =
                "a schema migration failed; the database was restored from " + backup + " as it was before the upgrade";
        log.error("storage: {}: {}", message, failure.getMessage());
        return new StoreException(message, failure);
    }
}
