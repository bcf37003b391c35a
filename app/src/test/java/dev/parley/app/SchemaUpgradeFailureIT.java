package dev.parley.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * An upgrade whose schema migration fails, as the operator sees it: a server whose class path has
 * one more SQLite migration, which fails after changing data, started on an existing database. It
 * must back the database up, put it back, say so and stop, leaving the data as it was.
 */
class SchemaUpgradeFailureIT {

    @TempDir
    Path dir;

    private Process process;

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void theServerRestoresTheDatabaseSaysSoAndStops() throws Exception {
        Path dataDir = dir.resolve("data");
        Path password = Files.writeString(dir.resolve("pw"), "long-enough-password\n");
        assertThat(inProcess(
                        "accounts",
                        "add",
                        "alice",
                        "--password-file",
                        password.toString(),
                        "--data-dir",
                        dataDir.toString()))
                .isZero();
        Path newVersion = Files.createDirectories(dir.resolve("new-version/db/migration/sqlite"));
        Files.writeString(newVersion.resolve("V99__breaks.sql"), """
                DELETE FROM accounts;
                CREATE TABLE added_by_v99 (id INTEGER);
                INSERT INTO no_such_table VALUES (1);
                """);

        process = new ProcessBuilder(ParleyProcess.commandWithFirst(
                        dir.resolve("new-version"),
                        "server",
                        "--listen",
                        "127.0.0.1:0",
                        "--set",
                        "http.listen=",
                        "--data-dir",
                        dataDir.toString()))
                .redirectErrorStream(true)
                .start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as(output).isTrue();
        assertThat(process.exitValue()).as(output).isEqualTo(1);
        Path backup = dataDir.resolve("parley.db.before-V99.bak");
        assertThat(output)
                .contains(
                        "backed up " + dataDir.resolve("parley.db") + " to " + backup,
                        "Could not start",
                        "a schema migration failed; the database was restored from " + backup);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(backup)))
                .isEqualTo("rw-------");
        assertThat(single(dataDir, "SELECT count(*) FROM sqlite_master WHERE name = 'added_by_v99'"))
                .isEqualTo("0");
        assertThat(single(dataDir, "SELECT max(version + 0) FROM flyway_schema_history"))
                .isEqualTo("11"); // the shipped schema's version: V99 was undone
        StringWriter out = new StringWriter();
        assertThat(inProcess(out, "accounts", "list", "--data-dir", dataDir.toString()))
                .isZero();
        assertThat(out.toString()).startsWith("alice ");
    }

    @AfterEach
    void killLeftovers() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
    }

    private static int inProcess(String... args) {
        return inProcess(new StringWriter(), args);
    }

    private static int inProcess(StringWriter out, String... args) {
        CommandLine commandLine = ParleyCommand.commandLine(Map.of());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(new StringWriter(), true));
        return commandLine.execute(args);
    }

    private static String single(Path dataDir, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("parley.db"));
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
