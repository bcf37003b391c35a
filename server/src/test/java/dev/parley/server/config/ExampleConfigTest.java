package dev.parley.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The example file is the one place keys are documented; these tests keep it honest. */
class ExampleConfigTest {

    private static final Path EXAMPLE =
            Path.of(System.getProperty("parley.repo.root", "..")).resolve("parley.example.yaml");
    private static final Pattern KEY_LINE = Pattern.compile("^(\\s*)([a-z][a-z-]*):");

    @Test
    void theExampleParsesToExactlyTheDefaults() throws Exception {
        assertThat(new ConfigLoader().file(EXAMPLE).load()).isEqualTo(ParleyConfig.defaults());
    }

    @Test
    void theExampleNamesEveryKeyTheLoaderKnowsAndNoOther() throws IOException {
        Map<String, Object> document = new Yaml().load(Files.readString(EXAMPLE));
        List<String> paths = new ArrayList<>();
        leaves("", document, paths);

        assertThat(paths).containsExactlyInAnyOrderElementsOf(ConfigKeys.paths());
    }

    @Test
    void everyKeyInTheExampleHasACommentAboveIt() throws IOException {
        List<String> lines = Files.readAllLines(EXAMPLE);
        List<String> undocumented = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            Matcher key = KEY_LINE.matcher(lines.get(i));
            boolean nested = key.find() && !key.group(1).isEmpty();
            if (nested && !lines.get(i - 1).trim().startsWith("#")) {
                undocumented.add(lines.get(i).trim());
            }
        }
        assertThat(undocumented).as("keys without a comment line above them").isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static void leaves(String prefix, Map<String, Object> map, List<String> paths) {
        map.forEach((key, value) -> {
            if (value instanceof Map<?, ?> section) {
                leaves(prefix + key + ".", (Map<String, Object>) section, paths);
            } else {
                paths.add(prefix + key);
            }
        });
    }
}
