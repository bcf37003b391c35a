package dev.parley.protocol.vectors;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The public-domain ircdocs parser-tests vectors, read in place from {@code ../shared/irc-parser-tests}
 * beside the repository (never copied into it, so they stay the upstream text).
 *
 * <p>When the folder is missing the vector tests are skipped, because a developer checkout may not
 * have it; under {@code CI=true} they fail instead, so CI can never pass without running them.
 */
final class ParserTestVectors {

    private static final String FOLDER = "shared/irc-parser-tests";

    private ParserTestVectors() {}

    /** The {@code tests} list of one vector file, each test a YAML mapping. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> tests(String fileName) {
        Path file = folder().resolve(fileName);
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Map<String, Object> document = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
            return (List<Map<String, Object>>) document.get("tests");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static Path folder() {
        Optional<Path> found = fromRepoRootProperty().or(ParserTestVectors::fromWorkingDirectory);
        if (found.isPresent()) {
            return found.get();
        }
        String message = "IRC parser test vectors not found: expected ../" + FOLDER
                + " beside the repository root (system property parley.repo.root="
                + System.getProperty("parley.repo.root") + ", working directory "
                + Path.of("").toAbsolutePath()
                + ")";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            return Assertions.fail(message + "; CI=true, so this is a failure, not a skip");
        }
        Assumptions.abort(message + "; skipping the vector tests");
        throw new AssertionError("unreachable");
    }

    private static Optional<Path> fromRepoRootProperty() {
        String root = System.getProperty("parley.repo.root");
        if (root == null || root.isBlank()) {
            return Optional.empty();
        }
        Path candidate = Path.of(root).resolve("..").resolve(FOLDER).normalize();
        return Files.isDirectory(candidate) ? Optional.of(candidate) : Optional.empty();
    }

    private static Optional<Path> fromWorkingDirectory() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(FOLDER);
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
