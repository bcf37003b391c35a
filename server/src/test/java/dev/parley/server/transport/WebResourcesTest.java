package dev.parley.server.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class WebResourcesTest {

    @Test
    void pathsWithoutAFileAreNotRememberedSoRequestsCannotGrowTheCache() {
        WebResources files = new WebResources();
        int before = files.cached();
        String padding = "a".repeat(4096);
        for (int i = 0; i < 100_000; i++) {
            assertThat(files.find("/p" + i + padding)).isEmpty();
        }

        assertThat(files.cached()).isEqualTo(before);
    }

    @Test
    void theFolderIsReadOnceAndNothingOutsideItIsFound() throws IOException {
        WebResources files = new WebResources();
        assertThat(files.find("/"))
                .get()
                .satisfies(index -> assertThat(new String(index.bytes())).contains("<html"));
        assertThat(files.find("/index.html")).isPresent();
        assertThat(files.find("/js/main.js")).isPresent();
        assertThat(files.find("/js/../index.html")).isEmpty();
        assertThat(files.find("/../dev/parley/server/info/help.txt")).isEmpty();
        assertThat(files.find("/js")).isEmpty();

        assertThat(files.cached())
                .as("every file of the web folder, and nothing else")
                .isEqualTo(filesInTheWebFolder());
    }

    private static long filesInTheWebFolder() throws IOException {
        Path web = Path.of(System.getProperty("parley.repo.root"), "server", "src", "main", "resources", "web");
        try (Stream<Path> paths = Files.walk(web)) {
            return paths.filter(Files::isRegularFile).count();
        }
    }
}
