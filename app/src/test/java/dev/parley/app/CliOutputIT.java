package dev.parley.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The administration commands in a child process, with standard output and standard error apart:
 * what a script pipes ({@code parley accounts list | ...}) is the command's output alone, and the
 * log lines, on standard error, carry an ISO-8601 date and zone.
 */
class CliOutputIT {

    /** {@code 2026-12-03T09:43:00.123Z} or {@code ...+01:00}, then the level. */
    private static final String ISO_LOG_LINE =
            "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}(Z|[+-]\\d{2}:\\d{2}) +(TRACE|DEBUG|INFO|WARN|ERROR) .*";

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void accountsListPrintsOnlyTheListOnStandardOutputAndLogsWithAnIsoDateOnStandardError() throws Exception {
        String dataDir = dir.resolve("data").toString();
        Path password = dir.resolve("pw.txt");
        Files.writeString(password, "long-enough-password\n");
        Result add = run("accounts", "add", "alice", "--password-file", password.toString(), "--data-dir", dataDir);
        assertThat(add.status()).isZero();
        assertThat(add.stdout()).containsExactly("Created the account alice");
        assertThat(add.stderr())
                .as("the audit line")
                .anyMatch(line -> line.matches(ISO_LOG_LINE) && line.contains(" audit - account alice created by "));

        Result list = run("accounts", "list", "--data-dir", dataDir);

        assertThat(list.status()).isZero();
        assertThat(list.stdout()).hasSize(2);
        assertThat(list.stdout().get(0)).startsWith("alice ");
        assertThat(list.stdout().get(1)).isEqualTo("1 account");
        assertThat(list.stderr()).as("the log lines").isNotEmpty().allMatch(line -> line.matches(ISO_LOG_LINE));
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void bansListPrintsNoLogLineOnStandardOutput() throws Exception {
        Result list = run("bans", "list", "--data-dir", dir.resolve("data").toString());

        assertThat(list.status()).isZero();
        assertThat(list.stdout())
                .noneMatch(line -> line.matches(ISO_LOG_LINE) || line.matches(".*\\b(INFO|WARN)\\b.*"));
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void hashPasswordPrintsOnlyTheHashOfThePipedPassword() throws Exception {
        Result hash = runWithInput("piped-password\n", "hash-password", "--set", "accounts.bcrypt-cost=4");

        assertThat(hash.status()).isZero();
        assertThat(hash.stdout()).singleElement().asString().startsWith("$2a$04$");
        assertThat(String.join("\n", hash.stdout()) + String.join("\n", hash.stderr()))
                .doesNotContain("piped-password");
    }

    private record Result(int status, List<String> stdout, List<String> stderr) {}

    private static Result run(String... args) throws Exception {
        return runWithInput("", args);
    }

    private static Result runWithInput(String input, String... args) throws Exception {
        Process process = new ProcessBuilder(ParleyProcess.command(args))
                .redirectInput(ProcessBuilder.Redirect.PIPE)
                .start();
        try (var stdin = process.getOutputStream()) {
            stdin.write(input.getBytes(StandardCharsets.UTF_8));
        }
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
        String out = readAll(process.getInputStream());
        assertThat(process.waitFor(50, TimeUnit.SECONDS)).isTrue();
        return new Result(
                process.exitValue(), out.lines().toList(), err.join().lines().toList());
    }

    private static String readAll(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
