package dev.parley.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import dev.parley.protocol.IrcMessage;
import dev.parley.testkit.RawIrcClient;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * The container image {@code mvn package} builds when PARLEY_IMAGE_BASE names a base (app/pom.xml,
 * profile image; .ci/run makes one with tools/build-base-image.sh): its config says what
 * docs/operations.md promises (non-root user, ports, /data volume, environment, health check), its
 * layers keep the application apart from its dependencies and carry nothing of the build, a
 * container runtime (Podman, no daemon) loads the archive and reads the same, and, run from its
 * unpacked layers with its own Java runtime as its own user, it serves IRC and /livez and its health
 * check says so. (Podman cannot run it here: the machine forbids the setrlimit a container start
 * makes.) Skipped without the image, unshare or podman, except in CI, where it fails.
 */
class ContainerImageIT {

    private static final String USER = "10001:10001";
    private static final String HEALTHCHECK = "/usr/local/bin/parley-healthcheck";

    @TempDir
    static Path unpacked;

    private static ImageArchive image;

    private Process server;

    @BeforeAll
    static void unpack() throws Exception {
        image = ImageArchive.unpack(archive(), unpacked.resolve("archive"));
    }

    @Test
    void theConfigRunsTheServerAsANonRootUserWithItsStateInData() {
        Map<String, Object> config = image.containerConfig();
        assertThat(config.get("User")).isEqualTo(USER);
        assertThat(config.get("WorkingDir")).isEqualTo("/data");
        assertThat(map(config.get("Volumes")).keySet()).containsExactly("/data");
        assertThat(map(config.get("ExposedPorts")).keySet())
                .containsExactlyInAnyOrder("6667/tcp", "6697/tcp", "8080/tcp");
        assertThat(list(config.get("Entrypoint")))
                .startsWith("java")
                .contains("-XX:+ExitOnOutOfMemoryError")
                .endsWith("-cp", "@/app/jib-classpath-file", ParleyCommand.class.getName());
        assertThat(list(config.get("Cmd"))).containsExactly("server");
        assertThat(environment())
                .containsEntry("PARLEY_SERVER__LISTEN", "0.0.0.0:6667")
                .containsEntry("PARLEY_TLS__LISTEN", "0.0.0.0:6697")
                .containsEntry("PARLEY_HTTP__LISTEN", "0.0.0.0:8080")
                .containsEntry("PARLEY_HTTP__TLS", "off")
                .containsEntry("PARLEY_STORAGE__DATA_DIR", "/data");
        assertThat(environment().keySet()).as("no password shipped").noneMatch(name -> name.contains("PASSWORD"));
        assertThat(image.manifest().get("RepoTags").toString())
                .contains("parley:latest", "parley:" + ParleyVersion.version());
    }

    @Test
    void theHealthCheckAsksLivezEveryThirtySeconds() {
        Map<String, Object> check = map(image.containerConfig().get("Healthcheck"));
        assertThat(list(check.get("Test"))).containsExactly("CMD", HEALTHCHECK);
        assertThat(((Number) check.get("Interval")).longValue())
                .isEqualTo(Duration.ofSeconds(30).toNanos());
        assertThat(((Number) check.get("Timeout")).longValue())
                .isEqualTo(Duration.ofSeconds(5).toNanos());
        assertThat(check.get("Retries")).isEqualTo(3);
    }

    @Test
    void everyLayerMatchesItsDiffIdAndTheApplicationIsApartFromItsDependencies() throws Exception {
        List<ImageArchive.Layer> layers = image.layers();
        List<String> digests = new ArrayList<>();
        for (ImageArchive.Layer layer : layers) {
            digests.add(ImageArchive.diffId(layer));
        }
        assertThat(digests).as("each layer's digest is its diff id").isEqualTo(image.diffIds());

        assertThat(ImageArchive.paths(image.layer("classes")))
                .contains("app/classes/dev/parley/app/ParleyCommand.class")
                .allMatch(path -> path.equals("app/") || path.startsWith("app/classes/"));
        assertThat(ImageArchive.paths(image.layer("dependencies")))
                .anyMatch(path -> path.matches("app/libs/netty-handler-.*\\.jar"))
                .noneMatch(path -> path.contains("parley-"));
        assertThat(ImageArchive.paths(image.layer("project dependencies")))
                .anyMatch(path -> path.matches("app/libs/parley-server-.*\\.jar"));
        for (ImageArchive.Layer layer : layers.subList(1, layers.size())) { // the base's own files aside
            assertThat(ImageArchive.paths(layer))
                    .as("build leftovers in layer %s", layer.comment())
                    .noneMatch(path -> path.contains("test-classes")
                            || path.endsWith("-tests.jar")
                            || path.contains("junit")
                            || path.contains("surefire")
                            || path.contains("/target/")
                            || path.contains(".git"));
        }
    }

    @Test
    void dataBelongsToTheServersUserSoAnEmptyVolumeIsWritable() throws Exception {
        ImageArchive.Layer last = image.layers().get(image.layers().size() - 1);
        assertThat(ImageArchive.listing(last)).anyMatch(entry -> entry.matches("drwxr-x--- 10001/10001 .* data/?"));
    }

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void aContainerRuntimeLoadsTheArchiveAndReadsItsUserAndHealthCheck() throws Exception {
        Path podman = Path.of("/usr/bin/podman");
        if (!Files.isExecutable(podman)) {
            unavailable("no podman, which loads the image as a runtime does (apt-get install podman)");
        }
        // Storage of its own, so the test leaves nothing in the machine's images.
        Path storage = unpacked.resolve("podman");
        List<String> podmanIn = List.of(
                podman.toString(),
                "--root",
                storage.resolve("root").toString(),
                "--runroot",
                storage.resolve("run").toString(),
                "--storage-driver",
                "vfs");
        try {
            assertThat(run(podmanIn, "load", "-i", archive().toString()))
                    .contains("localhost/parley:latest", "localhost/parley:" + ParleyVersion.version());
            // Podman keeps the health check beside the OCI config, which has no such field.
            List<Map<String, Object>> inspected = new Yaml().load(run(podmanIn, "image", "inspect", "parley:latest"));
            Map<String, Object> loaded = inspected.get(0);
            Map<String, Object> config = map(loaded.get("Config"));
            assertThat(config.get("User")).isEqualTo(USER);
            assertThat(map(config.get("Volumes")).keySet()).containsExactly("/data");
            assertThat(list(map(loaded.get("Healthcheck")).get("Test"))).containsExactly("CMD", HEALTHCHECK);
        } finally {
            run(podmanIn, "rmi", "--all", "--force");
        }
    }

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void unpackedAndRunAsItsUserTheImageServesIrcAndItsHealthCheckPasses() throws Exception {
        Path rootfs = unpacked.resolve("rootfs");
        image.unpackRootfs(rootfs);
        Path secrets = Files.createDirectories(rootfs.resolve("run/secrets"));
        Files.writeString(secrets.resolve("server_password"), "a-long-server-password\n");
        Files.writeString(secrets.resolve("admin_password"), "a-long-admin-password\n");
        for (Path secret : List.of(secrets.resolve("server_password"), secrets.resolve("admin_password"))) {
            Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-r--r--"));
        }
        int irc = freePort();
        int tls = freePort();
        int http = freePort();
        Map<String, String> environment = environment();
        environment.put("PARLEY_SERVER__LISTEN", "0.0.0.0:" + irc);
        environment.put("PARLEY_TLS__LISTEN", "0.0.0.0:" + tls);
        environment.put("PARLEY_HTTP__LISTEN", "0.0.0.0:" + http);
        environment.put("PARLEY_AUTH__SERVER_PASSWORD_FILE", "/run/secrets/server_password");
        environment.put("PARLEY_AUTH__ADMIN_PASSWORD_FILE", "/run/secrets/admin_password");
        ImageContainer container = new ImageContainer(
                rootfs, USER, (String) image.containerConfig().get("WorkingDir"), environment);
        List<String> command = new ArrayList<>(list(image.containerConfig().get("Entrypoint")));
        command.addAll(list(image.containerConfig().get("Cmd")));

        Path log = unpacked.resolve("server.log");
        server = container.start(command, ProcessBuilder.Redirect.to(log.toFile()));
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest livez = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http + "/livez"))
                .timeout(Duration.ofSeconds(5))
                .build();
        await().atMost(Duration.ofSeconds(180))
                .pollInterval(Duration.ofMillis(250))
                .ignoreExceptions()
                .failFast(() -> assertThat(server.isAlive())
                        .as(() -> "the server ended:\n" + read(log))
                        .isTrue())
                .until(() -> client.send(livez, HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200);

        assertThat(healthCheck(container)).as("the image's health check").isZero();
        try (RawIrcClient alice = RawIrcClient.connect("127.0.0.1", irc).withTimeout(Duration.ofSeconds(20))) {
            List<IrcMessage> welcome = alice.register("alice", "a-long-server-password");
            assertThat(welcome)
                    .as("002 names the version the image was built as")
                    .anyMatch(line -> line.command().equals("002")
                            && line.params().get(1).contains("running version parley-" + ParleyVersion.version()));
        }
        assertThat(rootfs.resolve("data/parley.db"))
                .as("the database in the volume")
                .isRegularFile();
        assertThat(Files.getAttribute(rootfs.resolve("data/parley.db"), "unix:uid"))
                .isEqualTo(10001);

        ImageContainer.stop(server);
        assertThat(server.waitFor(60, TimeUnit.SECONDS))
                .as("stopped by SIGTERM")
                .isTrue();
        assertThat(server.exitValue())
                .as(() -> "exit status; output:\n" + read(log))
                .isZero();
        assertThat(healthCheck(container))
                .as("the health check once the server is gone")
                .isNotZero();
    }

    private static String run(List<String> command, String... args) throws Exception {
        List<String> line = new ArrayList<>(command);
        line.addAll(List.of(args));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(240, TimeUnit.SECONDS))
                .as("%s finished", line)
                .isTrue();
        assertThat(process.exitValue()).as("%s: %s", line, output).isZero();
        return output;
    }

    private static int healthCheck(ImageContainer container) throws Exception {
        Process check = container.start(List.of(HEALTHCHECK), ProcessBuilder.Redirect.PIPE);
        String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(check.waitFor(30, TimeUnit.SECONDS))
                .as("health check finished: %s", output)
                .isTrue();
        return check.exitValue();
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (java.io.IOException e) {
            return "(no output: " + e + ")";
        }
    }

    @AfterEach
    void stop() {
        if (server != null && server.isAlive()) {
            ImageContainer.kill(server);
        }
    }

    private static Path archive() {
        String archive = System.getProperty("parley.image.archive");
        Path path = archive == null ? null : Path.of(archive);
        if (path == null || !Files.isRegularFile(path) || !Files.isExecutable(Path.of("/usr/bin/unshare"))) {
            unavailable("no container image at " + archive + " (mvn -B verify builds it when PARLEY_IMAGE_BASE is"
                    + " set: PARLEY_IMAGE_BASE=tar://$(tools/build-base-image.sh), as root, as .ci/run does), or no"
                    + " unshare");
        }
        return path;
    }

    private static void unavailable(String message) {
        if ("1".equals(System.getenv("CI_REQUIRE_SERVICES"))) {
            fail(message + "; CI requires it");
        }
        abort(message);
    }

    private static Map<String, String> environment() {
        Map<String, String> environment = new LinkedHashMap<>();
        for (String variable : list(image.containerConfig().get("Env"))) {
            int equals = variable.indexOf('=');
            environment.put(variable.substring(0, equals), variable.substring(equals + 1));
        }
        return environment;
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<String> list(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return (List<String>) value;
    }
}
