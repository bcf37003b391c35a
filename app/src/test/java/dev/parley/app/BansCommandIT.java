package dev.parley.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class BansCommandIT {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void aSeedBanFileImportsAndExportsBackInTheSeedFormat() throws Exception {
        Path seed = dir.resolve("ban.txt");
        Files.writeString(seed, "spammer\n# a comment\n\ntroll\n*!*@10.0.0.1\n");
        String dataDir = dir.resolve("data").toString();

        assertThat(execute("bans", "import", seed.toString(), "--data-dir", dataDir))
                .isZero();
        assertThat(out.toString()).contains("Imported 3 bans");

        Path exported = dir.resolve("out.txt");
        assertThat(execute("bans", "export", exported.toString(), "--data-dir", dataDir))
                .isZero();
        assertThat(Files.readAllLines(exported)).containsExactly("spammer", "troll", "*!*@10.0.0.1");
    }

    @Test
    void listShowsEveryBanWithItsAccountAndAddress() throws Exception {
        Path file = dir.resolve("ban.txt");
        Files.writeString(
                file,
                "troll\nbob\n#+ account=bob reason=spamming links\n" + "guest\n#+ address=192.0.2.7 reason=flooding\n");
        String dataDir = dir.resolve("data").toString();
        assertThat(execute("bans", "import", file.toString(), "--data-dir", dataDir))
                .isZero();

        assertThat(execute("bans", "list", "--data-dir", dataDir)).isZero();

        assertThat(out.toString())
                .contains("troll!*@*  set by parley bans import")
                .contains("bob!*@* (account bob)")
                .contains("spamming links")
                .contains("guest!*@* (address 192.0.2.7)")
                .contains("flooding")
                .contains("3 bans");
    }

    @Test
    void aBadConfigIsReportedAndNothingIsWritten() {
        Path exported = dir.resolve("out.txt");
        int exitCode = execute("bans", "export", exported.toString(), "--set", "limits.nick-length=3");

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString()).contains("limits.nick-length");
        assertThat(exported).doesNotExist();
    }

    private int execute(String... args) {
        CommandLine commandLine = ParleyCommand.commandLine(Map.of());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }
}
