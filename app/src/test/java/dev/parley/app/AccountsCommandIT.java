package dev.parley.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.auth.PasswordHasher;
import dev.parley.server.config.StorageConfig;
import dev.parley.server.store.Account;
import dev.parley.server.store.jdbc.JdbcStorage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class AccountsCommandIT {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void addPasswdListAndDeleteWorkOnTheServersDatabase() throws Exception {
        String dataDir = dir.resolve("data").toString();
        Path first = password("first-password");
        Path second = password("second-password");

        assertThat(execute(
                        "accounts",
                        "add",
                        "alice",
                        "--operator",
                        "--password-file",
                        first.toString(),
                        "--data-dir",
                        dataDir))
                .isZero();
        assertThat(execute("accounts", "add", "bob", "--password-file", first.toString(), "--data-dir", dataDir))
                .isZero();
        assertThat(execute("accounts", "passwd", "ALICE", "--password-file", second.toString(), "--data-dir", dataDir))
                .isZero();
        assertThat(stored(dataDir, "alice").operator()).isTrue();
        assertThat(new PasswordHasher(4)
                        .matches("second-password", stored(dataDir, "alice").passwordHash()))
                .isTrue();
        assertThat(stored(dataDir, "alice").passwordHash())
                .startsWith("$2a$10$")
                .doesNotContain("second-password");

        assertThat(execute("accounts", "list", "--data-dir", dataDir)).isZero();
        assertThat(out.toString())
                .containsPattern("alice\\s+\\S+ \\S+\\s+operator")
                .contains("bob")
                .contains("2 accounts");

        assertThat(execute("accounts", "delete", "bob", "--data-dir", dataDir)).isZero();
        assertThat(execute("accounts", "delete", "bob", "--data-dir", dataDir)).isEqualTo(2);
        assertThat(err.toString()).contains("There is no account bob");
    }

    @Test
    void aShortPasswordAnInvalidNameOrATakenNameChangeNothing() throws Exception {
        String dataDir = dir.resolve("data").toString();
        Path good = password("long-enough-password");

        assertThat(execute(
                        "accounts",
                        "add",
                        "alice",
                        "--password-file",
                        password("short").toString(),
                        "--data-dir",
                        dataDir))
                .isEqualTo(2);
        assertThat(err.toString()).contains("too short");
        assertThat(execute("accounts", "add", "#room", "--password-file", good.toString(), "--data-dir", dataDir))
                .isEqualTo(2);
        assertThat(err.toString()).contains("not a valid nick");
        assertThat(execute("accounts", "add", "alice", "--password-file", good.toString(), "--data-dir", dataDir))
                .isZero();
        assertThat(execute("accounts", "add", "Alice", "--password-file", good.toString(), "--data-dir", dataDir))
                .isEqualTo(2);
        assertThat(err.toString()).contains("already exists");
    }

    private Path password(String text) throws Exception {
        Path file = Files.createTempFile(dir, "pw", ".txt");
        Files.writeString(file, text + "\n");
        return file;
    }

    private static Account stored(String dataDir, String name) {
        StorageConfig config =
                new StorageConfig(Path.of(dataDir), Optional.empty(), Optional.empty(), Optional.empty(), 1);
        try (JdbcStorage storage = JdbcStorage.open(config)) {
            return storage.accounts().find(name).orElseThrow();
        }
    }

    private int execute(String... args) {
        CommandLine commandLine = ParleyCommand.commandLine(Map.of());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }
}
