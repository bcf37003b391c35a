package dev.parley.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.abort;

import dev.parley.protocol.IrcMessage;
import dev.parley.testkit.RawIrcClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution {@code mvn package} builds, as an operator uses it: unpacked into an empty folder,
 * started with {@code bin/parley} through a link, from another folder, with nothing on the PATH but a
 * Java runtime and the few shell tools the launcher uses (no Maven, no source checkout), answering
 * IRC, stopped by SIGTERM. Runs in the integration-test phase, after package (see app/pom.xml), so
 * {@code mvn verify} tests the tarball that build just made.
 */
class DistributionIT {

    /** What bin/parley may run besides java: bash (its shebang goes through env) and coreutils. */
    private static final List<String> SHELL_TOOLS = List.of("env", "bash", "readlink", "dirname", "nproc");

    @TempDir
    Path dir;

    private Process process;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void theUnpackedTarballRunsTheServerWithOnlyAJavaRuntime() throws Exception {
        Path home = unpack(archive());
        assertThat(home.resolve("bin/parley")).isExecutable();
        assertThat(home.resolve("lib/parley.jar")).isRegularFile();
        assertThat(home.resolve("parley.example.yaml")).isRegularFile();
        assertThat(home.resolve("README.md")).isRegularFile();
        assertThat(home.resolve("contrib/systemd/parley.service")).isRegularFile();
        Path data = Files.createDirectories(dir.resolve("data"));
        // Through a link elsewhere, as /usr/local/bin/parley -> /opt/parley/bin/parley: it still finds its lib/.
        Path link = Files.createSymbolicLink(
                Files.createDirectories(dir.resolve("links")).resolve("parley"), home.resolve("bin/parley"));

        ProcessBuilder builder = new ProcessBuilder(
                        link.toString(),
                        "server",
                        "--listen",
                        "127.0.0.1:0",
                        "--set",
                        "http.listen=",
                        "--data-dir",
                        data.toString())
                .directory(data.toFile())
                .redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        environment
                .keySet()
                .removeIf(name -> name.startsWith("JAVA") || name.startsWith("MAVEN") || name.startsWith("PARLEY"));
        environment.put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":" + shellTools());
        process = builder.start();
        int port = ServerOutput.listeningPort(process);

        try (RawIrcClient alice = RawIrcClient.connect("127.0.0.1", port).withTimeout(Duration.ofSeconds(10))) {
            List<IrcMessage> welcome = alice.register("alice", "chat@123");
            assertThat(welcome).anyMatch(line -> line.command().equals("001"));
            assertThat(welcome)
                    .as("002 names the version the jar was built as, not 'dev'")
                    .anyMatch(line -> line.command().equals("002")
                            && line.params().get(1).contains("running version parley-" + ParleyVersion.version()));
        }
        process.toHandle().destroy(); // SIGTERM: bin/parley execs the JVM, so the signal reaches it

        assertThat(process.waitFor(60, TimeUnit.SECONDS))
                .as("exited after SIGTERM")
                .isTrue();
        assertThat(process.exitValue()).as("exit status").isZero();
    }

    @Test
    void theZipHoldsTheSameLauncherAndJar() throws Exception {
        Path tarball = archive();
        String top = topFolder(tarball);
        Path zip = tarball.resolveSibling(top + ".zip");

        try (ZipFile archive = new ZipFile(zip.toFile())) {
            assertThat(archive.stream().map(ZipEntry::getName))
                    .contains(
                            top + "/bin/parley",
                            top + "/lib/parley.jar",
                            top + "/lib/java.sh",
                            top + "/parley.example.yaml",
                            top + "/contrib/systemd/parley.service");
        }
    }

    @AfterEach
    void killLeftovers() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
    }

    private static Path archive() {
        String archive = System.getProperty("parley.dist.archive");
        if (archive == null) {
            abort("DistributionIT tests the packaged tarball, so it runs after package: mvn -B -pl app -am verify");
        }
        Path path = Path.of(archive);
        assertThat(path).as("the distribution mvn package builds").isRegularFile();
        return path;
    }

    /** parley-VERSION, the archive's name without .tar.gz, which is also its top folder. */
    private static String topFolder(Path tarball) {
        return tarball.getFileName().toString().replaceFirst("\\.tar\\.gz$", "");
    }

    private Path unpack(Path tarball) throws Exception {
        Path target = Files.createDirectories(dir.resolve("unpacked"));
        Process tar = new ProcessBuilder("tar", "-xzf", tarball.toString(), "-C", target.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(tar.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(tar.exitValue()).as(output).isZero();
        try (var top = Files.list(target)) {
            assertThat(top.map(path -> path.getFileName().toString())).containsExactly(topFolder(tarball));
        }
        return target.resolve(topFolder(tarball));
    }

    /**
     * A folder with just the shell tools bin/parley needs, to be the rest of its PATH: small scripts
     * that run the system's (not links, which JUnit warns about when it deletes the folder).
     */
    private Path shellTools() throws Exception {
        Path tools = Files.createDirectories(dir.resolve("tools"));
        for (String tool : SHELL_TOOLS) {
            Path found = Path.of("/usr/bin", tool);
            if (!Files.isExecutable(found)) {
                found = Path.of("/bin", tool);
            }
            Path wrapper = tools.resolve(tool);
            Files.writeString(wrapper, "#!/bin/sh\nexec " + found + " \"$@\"\n");
            Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return tools;
    }
}
