package dev.parley.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code parley} launcher script's JVM options, read from a stand-in {@code java} on the PATH
 * that prints its arguments (a copy of the script beside an existing jar, so nothing is built).
 */
class LauncherIT {

    @TempDir
    Path root;

    @Test
    void theJvmExitsOnOutOfMemoryErrorByDefault() throws Exception {
        List<String> options = launch(Map.of());

        assertThat(options).contains("-XX:+ExitOnOutOfMemoryError");
        assertThat(options.get(options.size() - 1)).isEqualTo("server");
    }

    @Test
    void parleyJavaOptsComeAfterTheDefaultsSoTheyWin() throws Exception {
        List<String> options = launch(Map.of("PARLEY_JAVA_OPTS", "-XX:-ExitOnOutOfMemoryError -Xmx256m"));

        assertThat(options).containsSubsequence("-XX:+ExitOnOutOfMemoryError", "-XX:-ExitOnOutOfMemoryError", "-jar");
    }

    /** The arguments the launcher passes to {@code java} for {@code parley server}. */
    private List<String> launch(Map<String, String> environment) throws Exception {
        Path script = root.resolve("parley");
        Files.copy(Path.of(System.getProperty("parley.repo.root"), "parley"), script);
        Files.createDirectories(root.resolve("app/target"));
        Files.writeString(root.resolve("app/target/parley.jar"), "");
        Path bin = Files.createDirectories(root.resolve("bin"));
        Path java = bin.resolve("java");
        Files.writeString(java, "#!/bin/sh\nfor a in \"$@\"; do echo \"$a\"; done\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        ProcessBuilder builder = new ProcessBuilder("bash", script.toString(), "server").redirectErrorStream(true);
        builder.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        builder.environment().remove("PARLEY_JAVA_OPTS");
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output.lines().toList();
    }
}
