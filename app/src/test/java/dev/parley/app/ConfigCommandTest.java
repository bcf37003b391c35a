package dev.parley.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;
import picocli.CommandLine;

class ConfigCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void aValidConfigurationIsPrintedWholeFromEverySourceWithPasswordsMasked() throws Exception {
        Path file = Files.writeString(dir.resolve("parley.yaml"), """
                server:
                  name: irc.example.com
                storage:
                  database-password: db-secret
                """);
        Path adminPassword = Files.writeString(dir.resolve("admin-pw"), "admin-secret\n");

        int exit = execute(
                Map.of(
                        "PARLEY_LIMITS__NICK_LENGTH",
                        "20",
                        "PARLEY_AUTH__ADMIN_PASSWORD_FILE",
                        adminPassword.toString()),
                "config",
                "check",
                "--config",
                file.toString(),
                "--set",
                "limits.flood.burst=9",
                "--listen",
                "127.0.0.1:7000",
                "--server-password",
                "server-secret");

        assertThat(exit).isZero();
        assertThat(err.toString()).isEmpty();
        Map<String, Map<String, Object>> yaml = new Yaml().load(out.toString());
        assertThat(yaml.get("server"))
                .containsEntry("name", "irc.example.com")
                .containsEntry("listen", java.util.List.of("127.0.0.1:7000"));
        assertThat(yaml.get("limits")).containsEntry("nick-length", 20);
        assertThat(yaml.get("auth"))
                .containsEntry("server-password", "********")
                .containsEntry("admin-password", "********")
                .containsEntry("admin-password-file", adminPassword.toString());
        assertThat(yaml.get("storage")).containsEntry("database-password", "********");
        assertThat(out.toString()).contains("burst: 9").doesNotContain("secret");
    }

    @Test
    void anInvalidConfigurationListsEveryProblemWithItsKeyAndPrintsNothing() throws Exception {
        Path file = Files.writeString(dir.resolve("parley.yaml"), """
                limits:
                  nick-length: 3
                  flod:
                    burst: 2
                """);

        int exit = execute(
                Map.of("PARLEY_HISTORY__FLUSH_INTERVAL", "soon"),
                "config",
                "check",
                "--config",
                file.toString(),
                "--listen",
                "nowhere");

        assertThat(exit).isEqualTo(2);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString())
                .contains(
                        "Invalid configuration (4 problems)",
                        "limits.nick-length:",
                        "limits.flod.burst: unknown key — did you mean limits.flood.burst?",
                        "history.flush-interval:",
                        "server.listen: expected HOST:PORT");
    }

    @Test
    void aConfigurationProtectedModeWouldRefuseFailsTheCheck() {
        int exit = execute(Map.of(), "config", "check", "--listen", "0.0.0.0:6667");

        assertThat(exit).isEqualTo(2);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).contains("Refusing to start");
    }

    @Test
    void helpSaysWhatTheCheckDoes() {
        assertThat(execute(Map.of(), "config", "check", "--help")).isZero();

        assertThat(out.toString()).contains("--config=FILE", "--set=KEY.PATH=VALUE", "--listen=HOST:PORT", "********");
    }

    @Test
    void theClusterNodeFilesInContribAreValidEachWithItsOwnNodeAndPortsAndTrustHAProxy() {
        Path contrib = Path.of(System.getProperty("parley.repo.root"), "contrib/cluster");
        for (int n = 1; n <= 3; n++) {
            out.getBuffer().setLength(0);
            int exit = execute(
                    Map.of(),
                    "config",
                    "check",
                    "--config",
                    contrib.resolve("parley-node" + n + ".yaml").toString());

            assertThat(exit).as("parley-node%d.yaml: %s", n, err).isZero();
            Map<String, Map<String, Object>> yaml = new Yaml().load(out.toString());
            assertThat(yaml.get("cluster"))
                    .containsEntry("node-id", "node" + n)
                    .containsEntry("redis-url", "redis://127.0.0.1:6379");
            assertThat(yaml.get("server")).containsEntry("listen", java.util.List.of("127.0.0.1:667" + n));
            assertThat(yaml.get("http")).containsEntry("listen", java.util.List.of("127.0.0.1:808" + n));
            assertThat(yaml.get("proxy")).containsEntry("trusted", java.util.List.of("127.0.0.1"));
            assertThat(yaml.get("storage")).containsEntry("data-dir", "/var/lib/parley/node" + n);
        }
    }

    private int execute(Map<String, String> environment, String... args) {
        CommandLine commandLine = ParleyCommand.commandLine(environment);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }
}
