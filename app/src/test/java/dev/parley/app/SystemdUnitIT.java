package dev.parley.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code contrib/systemd/parley.service} and its hardening drop-in as {@code systemd-analyze verify}
 * reads them: no unknown key, no value it ignores, an executable {@code ExecStart}. The unit names
 * /opt/parley, so the test verifies a copy whose /opt/parley is a temporary folder holding the
 * distribution's {@code bin/parley}.
 */
class SystemdUnitIT {

    private static final Path SYSTEMD_ANALYZE = Path.of("/usr/bin/systemd-analyze");

    @TempDir
    Path dir;

    @Test
    void theUnitAndItsHardeningPassSystemdAnalyzeVerify() throws Exception {
        requireSystemdAnalyze();
        Path repo = Path.of(System.getProperty("parley.repo.root"));
        Path home = dir.resolve("opt/parley");
        Path bin = Files.createDirectories(home.resolve("bin"));
        Files.copy(repo.resolve("app/src/dist/bin/parley"), bin.resolve("parley"), StandardCopyOption.COPY_ATTRIBUTES);
        Path contrib = repo.resolve("contrib/systemd");
        Path unit = rewritten(contrib.resolve("parley.service"), dir.resolve("parley.service"), home);
        Path dropIns = Files.createDirectories(dir.resolve("parley.service.d"));
        try (Stream<Path> files = Files.list(contrib.resolve("parley.service.d"))) {
            for (Path file : files.toList()) {
                rewritten(file, dropIns.resolve(file.getFileName()), home);
            }
        }

        Process verify = new ProcessBuilder(SYSTEMD_ANALYZE.toString(), "verify", unit.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(verify.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(verify.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(verify.exitValue()).as(output).isZero();
        // verify exits 0 after an unknown key or a value it cannot parse: it only warns, so any output fails.
        assertThat(output).as("systemd-analyze verify warnings").isBlank();
    }

    @Test
    void theUnitHasWhatASupervisedServerNeeds() throws Exception {
        String unit =
                Files.readString(Path.of(System.getProperty("parley.repo.root"), "contrib/systemd/parley.service"));

        assertThat(unit.lines())
                .contains(
                        "ExecStart=/opt/parley/bin/parley server --config /etc/parley/parley.yaml --data-dir /var/lib/parley",
                        "ExecReload=/bin/kill -HUP $MAINPID",
                        "Restart=on-failure",
                        "StateDirectory=parley",
                        "User=parley");
        assertThat(unit.lines()).anyMatch(line -> line.startsWith("LimitNOFILE="));
        assertThat(unit.lines()).anyMatch(line -> line.equals("Type=exec") || line.equals("Type=notify"));
    }

    private static Path rewritten(Path source, Path target, Path home) throws IOException {
        Files.writeString(target, Files.readString(source).replace("/opt/parley", home.toString()));
        return target;
    }

    private static void requireSystemdAnalyze() {
        if (!Files.isExecutable(SYSTEMD_ANALYZE)) {
            String message = "systemd-analyze is not installed (Debian: apt-get install systemd)";
            if ("1".equals(System.getenv("CI_REQUIRE_SERVICES"))) {
                fail(message + "; CI requires it");
            }
            abort(message + ": the unit check needs it");
        }
    }
}
