package dev.parley.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ParleyCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void helpListsTheSubcommands() {
        int exitCode = execute("--help");

        assertThat(exitCode).isZero();
        assertThat(out.toString()).contains("Usage: parley", "server", "--version", "Exit codes:");
    }

    @Test
    void versionComesFromTheBuild() {
        int exitCode = execute("--version");

        assertThat(exitCode).isZero();
        assertThat(out.toString())
                .containsPattern("parley \\d+\\.\\d+\\.\\d+")
                .doesNotContain("${")
                .contains("Java " + Runtime.version().feature());
    }

    @Test
    void serverHelpShowsEveryFlag() {
        int exitCode = execute("server", "--help");

        assertThat(exitCode).isZero();
        assertThat(out.toString())
                .contains(
                        "--listen=HOST:PORT",
                        "--data-dir=DIR",
                        "--database=JDBC_URL",
                        "--server-password=PW",
                        "--admin-password=PW",
                        "--config=FILE",
                        "--set=KEY.PATH=VALUE",
                        "--insecure-defaults");
    }

    @Test
    void withoutSubcommandTheUsageGoesToStderr() {
        assertThat(execute()).isEqualTo(2);
        assertThat(err.toString()).contains("Usage: parley");
    }

    @Test
    void serverRefusesDefaultPasswordsOnAPublicAddress() {
        int exitCode = execute("server", "--listen", "0.0.0.0:6667");

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString()).contains("Refusing to start", "--insecure-defaults");
    }

    @Test
    void serverReportsEveryConfigProblemAndDoesNotStart() {
        int exitCode = execute(
                "server", "--listen", "nowhere", "--set", "limits.nick-length=3", "--set", "limits.flod.burst=2");

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString())
                .contains(
                        "Invalid configuration (3 problems)",
                        "server.listen: expected HOST:PORT",
                        "limits.nick-length: must be at least 9",
                        "did you mean limits.flood.burst?");
    }

    @Test
    void environmentVariablesAreReadFromTheGivenEnvironment() {
        int exitCode = execute(Map.of("PARLEY_LIMITS__NICK_LENGTH", "4"), "server");

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString()).contains("limits.nick-length: must be at least 9, got 4 (from env");
    }

    @Test
    void jdbcPasswordsAreRedactedForLogging() {
        assertThat(ServerCommand.redacted("jdbc:postgresql://db/parley?user=p&password=hunter2&ssl=true"))
                .isEqualTo("jdbc:postgresql://db/parley?user=p&password=******&ssl=true");
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
