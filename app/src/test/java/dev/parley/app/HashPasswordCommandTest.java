package dev.parley.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.auth.PasswordHasher;
import dev.parley.server.config.ConfigLoader;
import dev.parley.server.config.ParleyConfig;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class HashPasswordCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void theFirstLineOfStandardInputIsHashedAtTheConfiguredCostAndNeverPrinted() {
        int exit = execute("s3cret pass\nsecond line\n", "hash-password", "--set", "accounts.bcrypt-cost=5");

        assertThat(exit).isZero();
        assertThat(err.toString()).isEmpty();
        String hash = out.toString().strip();
        assertThat(out.toString().lines()).hasSize(1);
        assertThat(hash).startsWith("$2a$05$").doesNotContain("s3cret");
        assertThat(new PasswordHasher(5).matches("s3cret pass", hash)).isTrue();
    }

    @Test
    void theHashIsAcceptedAsTheAdminPasswordAndTheServerPassword() throws Exception {
        execute("admin-pw\n", "hash-password", "--set", "accounts.bcrypt-cost=4");
        String hash = out.toString().strip();

        ParleyConfig config = new ConfigLoader()
                .sets(List.of("auth.admin-password=" + hash, "auth.server-password=" + hash))
                .load();

        assertThat(config.auth().adminPassword().isBcryptHash()).isTrue();
        assertThat(config.auth().adminPassword().matches("admin-pw")).isTrue();
        assertThat(config.auth().adminPassword().matches("admin-pX")).isFalse();
        assertThat(config.auth().serverPassword().orElseThrow().matches("admin-pw"))
                .isTrue();
    }

    @Test
    void theDefaultCostIsTheServersDefault() {
        assertThat(execute("pw\n", "hash-password")).isZero();

        assertThat(out.toString()).startsWith("$2a$10$");
    }

    @Test
    void noPasswordPrintsNothingAndFails() {
        assertThat(execute("", "hash-password")).isEqualTo(2);

        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).contains("No password given");
    }

    @Test
    void helpSaysWhereTheHashCanBeUsed() {
        assertThat(execute("", "hash-password", "--help")).isZero();

        assertThat(out.toString())
                .contains(
                        "auth.server-password",
                        "auth.admin-password",
                        "auth.operators",
                        "accounts.bcrypt-cost",
                        "printf '%s\\n'");
    }

    private int execute(String input, String... args) {
        CommandLine commandLine =
                ParleyCommand.commandLine(Map.of(), new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }
}
