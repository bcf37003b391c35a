package dev.parley.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The command as a real process: SIGTERM must end in an orderly stop and exit status 0. */
class ServerProcessIT {

    @TempDir
    Path dataDir;

    private Process process;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void sigtermStopsTheServerInOrderAndExitsZero() throws Exception {
        process = new ProcessBuilder(ParleyProcess.command(
                        "server", "--listen", "127.0.0.1:0", "--set", "http.listen=", "--data-dir", dataDir.toString()))
                .redirectErrorStream(true)
                .start();
        BufferedReader output =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        List<String> seen = new ArrayList<>();

        readUntil(output, "Listening on", seen);
        process.toHandle().destroy(); // SIGTERM, leaving the output stream open (Process.destroy closes it)
        readUntil(output, "Stopped", seen);

        assertThat(process.waitFor(30, TimeUnit.SECONDS))
                .as("exited; output: %s", seen)
                .isTrue();
        assertThat(process.exitValue()).as("exit status; output: %s", seen).isZero();
        assertThat(seen).anyMatch(line -> line.contains("Listening on 127.0.0.1:"));
    }

    @AfterEach
    void killLeftovers() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
    }

    private static void readUntil(BufferedReader output, String marker, List<String> seen) throws IOException {
        for (String line = output.readLine(); line != null; line = output.readLine()) {
            seen.add(line);
            if (line.contains(marker)) {
                return;
            }
        }
        throw new AssertionError("process ended before printing '" + marker + "': " + seen);
    }
}
