package dev.parley.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.config.StorageConfig;
import dev.parley.server.store.jdbc.JdbcStorage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class BackupCommandIT {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void theSqliteDatabaseIsCopiedOwnerOnlyWhileOpenAndAnExistingFileNeedsForce() throws Exception {
        Path dataDir = dir.resolve("data");
        Path backup = dir.resolve("parley-backup.db");
        try (JdbcStorage running =
                JdbcStorage.open(new StorageConfig(dataDir, Optional.empty(), Optional.empty(), Optional.empty(), 2))) {
            assertThat(execute("backup", backup.toString(), "--data-dir", dataDir.toString()))
                    .isZero();
            assertThat(out.toString()).contains("Backed up " + dataDir.resolve("parley.db") + " to " + backup);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(backup)))
                    .isEqualTo("rw-------");

            assertThat(execute("backup", backup.toString(), "--data-dir", dataDir.toString()))
                    .isEqualTo(2);
            assertThat(err.toString()).contains(backup + " exists", "--force");

            assertThat(execute("backup", backup.toString(), "--force", "--data-dir", dataDir.toString()))
                    .isZero();
        }
        assertThat(Files.size(backup)).isPositive();
    }

    @Test
    void aPostgresDatabaseGetsThePgDumpCommandWithoutItsPasswordAndExit2() {
        int exit = execute(
                Map.of("PARLEY_STORAGE__DATABASE_PASSWORD", "db-secret"),
                "backup",
                "/backups/parley.dump",
                "--database",
                "jdbc:postgresql://db.example.com:5433/parley?password=url-secret",
                "--set",
                "storage.database-user=parley");

        assertThat(exit).isEqualTo(2);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString())
                .contains("pg_dump --host=db.example.com --port=5433 --username=parley --format=custom "
                        + "--file=/backups/parley.dump parley")
                .contains("pg_restore ")
                .doesNotContain("secret");
    }

    private int execute(String... args) {
        return execute(Map.of(), args);
    }

    private int execute(Map<String, String> environment, String... args) {
        CommandLine commandLine = ParleyCommand.commandLine(environment);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }
}
