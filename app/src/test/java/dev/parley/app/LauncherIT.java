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

    @Test
    void theDistributionLauncherPassesTheSameOptionsAsTheCheckoutOne() throws Exception {
        Map<String, String> environment = Map.of("PARLEY_JAVA_OPTS", "-Xmx256m");
        Path distribution = root.resolve("dist");

        List<String> checkout = launch(environment);
        List<String> distributed = launch(distributionLauncher(distribution), environment);

        assertThat(distributed)
                .isEqualTo(checkout.stream()
                        .map(option -> option.equals(
                                        root.resolve("app/target/parley.jar").toString())
                                ? distribution.resolve("lib/parley.jar").toString()
                                : option)
                        .toList());
    }

    @Test
    void javaHomeChoosesTheJavaRuntime() throws Exception {
        Path javaHome = root.resolve("jdk");
        fakeJava(Files.createDirectories(javaHome.resolve("bin")), "from JAVA_HOME");

        List<String> options =
                launch(distributionLauncher(root.resolve("dist")), Map.of("JAVA_HOME", javaHome.toString()));

        assertThat(options.get(0)).isEqualTo("from JAVA_HOME");
    }

    /** The distribution's bin/parley in DIR/bin, its lib/ beside it (an empty jar: nothing runs it). */
    private Path distributionLauncher(Path dir) throws Exception {
        Path repo = Path.of(System.getProperty("parley.repo.root"));
        Path script = Files.createDirectories(dir.resolve("bin")).resolve("parley");
        Files.copy(repo.resolve("app/src/dist/bin/parley"), script);
        Files.copy(
                repo.resolve("app/src/dist/lib/java.sh"),
                Files.createDirectories(dir.resolve("lib")).resolve("java.sh"));
        Files.writeString(dir.resolve("lib/parley.jar"), "");
        return script;
    }

    /** The arguments the source checkout's launcher passes to {@code java} for {@code parley server}. */
    private List<String> launch(Map<String, String> environment) throws Exception {
        Path script = root.resolve("parley");
        Path repo = Path.of(System.getProperty("parley.repo.root"));
        Files.copy(repo.resolve("parley"), script);
        Files.createDirectories(root.resolve("app/src/dist/lib"));
        Files.copy(repo.resolve("app/src/dist/lib/java.sh"), root.resolve("app/src/dist/lib/java.sh"));
        Files.createDirectories(root.resolve("app/target"));
        Files.writeString(root.resolve("app/target/parley.jar"), "");
        return launch(script, environment);
    }

    private static void fakeJava(Path bin, String firstLine) throws Exception {
        Path java = bin.resolve("java");
        String header = firstLine.isEmpty() ? "" : "echo '" + firstLine + "'\n";
        Files.writeString(java, "#!/bin/sh\n" + header + "for a in \"$@\"; do echo \"$a\"; done\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** The arguments SCRIPT passes to {@code java} (a stand-in on the PATH) for {@code parley server}. */
    private List<String> launch(Path script, Map<String, String> environment) throws Exception {
        Path bin = Files.createDirectories(root.resolve("bin"));
        fakeJava(bin, "");
        ProcessBuilder builder = new ProcessBuilder("bash", script.toString(), "server").redirectErrorStream(true);
        builder.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        builder.environment().remove("PARLEY_JAVA_OPTS");
        builder.environment().remove("JAVA_HOME");
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output.lines().toList();
    }
}
