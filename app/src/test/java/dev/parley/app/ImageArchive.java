package dev.parley.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.yaml.snakeyaml.Yaml;

/**
 * A docker-archive image tarball ({@code docker save}'s format, Jib's buildTar), unpacked with the
 * system's {@code tar}: its manifest, its config (JSON, which SnakeYAML reads as the YAML it also is),
 * and its layers, each named by its history comment ("dependencies", "classes"...).
 */
final class ImageArchive {

    /** One layer: its file in the archive and what made it. */
    record Layer(Path file, String comment) {}

    private final Path dir;
    private final Map<String, Object> manifest;
    private final Map<String, Object> config;

    private ImageArchive(Path dir, Map<String, Object> manifest, Map<String, Object> config) {
        this.dir = dir;
        this.manifest = manifest;
        this.config = config;
    }

    static ImageArchive unpack(Path archive, Path dir) throws Exception {
        Files.createDirectories(dir);
        tar("-xf", archive.toString(), "-C", dir.toString());
        List<Map<String, Object>> entries = new Yaml().load(Files.readString(dir.resolve("manifest.json")));
        assertThat(entries).as("images in the archive").hasSize(1);
        Map<String, Object> manifest = entries.get(0);
        Map<String, Object> config = new Yaml().load(Files.readString(dir.resolve((String) manifest.get("Config"))));
        return new ImageArchive(dir, manifest, config);
    }

    Map<String, Object> manifest() {
        return manifest;
    }

    /** The image config's {@code config}: User, Env, Entrypoint, Cmd, ExposedPorts, Volumes, Healthcheck... */
    @SuppressWarnings("unchecked")
    Map<String, Object> containerConfig() {
        return (Map<String, Object>) config.get("config");
    }

    @SuppressWarnings("unchecked")
    List<String> diffIds() {
        return (List<String>) ((Map<String, Object>) config.get("rootfs")).get("diff_ids");
    }

    /** The layers, bottom first, each with the comment (or creator) of its history entry. */
    @SuppressWarnings("unchecked")
    List<Layer> layers() {
        List<String> files = (List<String>) manifest.get("Layers");
        List<Map<String, Object>> history = ((List<Map<String, Object>>) config.get("history"))
                .stream()
                        .filter(entry -> !Boolean.TRUE.equals(entry.get("empty_layer")))
                        .toList();
        assertThat(history).as("a history entry per layer").hasSameSizeAs(files);
        List<Layer> layers = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            Map<String, Object> entry = history.get(i);
            Object comment = entry.getOrDefault("comment", entry.get("created_by"));
            layers.add(new Layer(dir.resolve(files.get(i)), String.valueOf(comment)));
        }
        return layers;
    }

    Layer layer(String comment) {
        return layers().stream()
                .filter(layer -> layer.comment().equals(comment))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no layer \"" + comment + "\" in " + layers()));
    }

    /** The layer's entries as {@code tar -tv} lists them (mode, owner, size, date, name). */
    static List<String> listing(Layer layer) throws Exception {
        return List.of(tar("--numeric-owner", "-tvf", layer.file().toString()).split("\n"));
    }

    /** The paths in the layer, without a leading {@code ./}. */
    static List<String> paths(Layer layer) throws Exception {
        return List.of(tar("-tf", layer.file().toString()).split("\n")).stream()
                .map(path -> path.replaceFirst("^\\./", ""))
                .toList();
    }

    /** The SHA-256 of the layer's uncompressed tar, which its diff id must be. */
    static String diffId(Layer layer) throws IOException {
        try (InputStream raw = Files.newInputStream(layer.file());
                InputStream in = layer.file().toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
                DigestInputStream digest = new DigestInputStream(in, MessageDigest.getInstance("SHA-256"))) {
            digest.transferTo(OutputStream.nullOutputStream());
            return "sha256:"
                    + HexFormat.of().formatHex(digest.getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every layer applied in order, as a runtime makes the container's root file system (owners kept: we are root). */
    void unpackRootfs(Path rootfs) throws Exception {
        Files.createDirectories(rootfs);
        for (Layer layer : layers()) {
            tar("--numeric-owner", "-xf", layer.file().toString(), "-C", rootfs.toString());
        }
    }

    private static String tar(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("tar", "--warning=no-unknown-keyword"));
        command.addAll(List.of(args));
        Process tar = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(tar.waitFor(120, TimeUnit.SECONDS)).as("tar finished").isTrue();
        assertThat(tar.exitValue()).as("tar %s: %s", command, output).isZero();
        return output;
    }
}
