package dev.parley.server.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads a YAML config file into the draft: nested sections become dotted key paths. Keys that are
 * neither a known key nor a known section are reported with their full path, so a typo in a section
 * name ({@code limits.flod.burst}) is named exactly. Duplicate keys are refused rather than letting
 * the last one silently win.
 */
final class YamlConfigFile {

    private YamlConfigFile() {}

    static void readInto(Path file, ConfigDraft draft) {
        String source = file.toString();
        Object document;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            document = yaml().load(reader);
        } catch (IOException e) {
            draft.problem("(file)", "cannot read " + file + ": " + e, source);
            return;
        } catch (YAMLException e) {
            draft.problem("(file)", "not valid YAML: " + e.getMessage().replace('\n', ' '), source);
            return;
        }
        if (document == null) {
            return;
        }
        if (document instanceof Map<?, ?> top) {
            walk("", top, draft, source);
        } else {
            draft.problem("(file)", "expected sections such as server: and limits: at the top level", source);
        }
    }

    private static void walk(String prefix, Map<?, ?> map, ConfigDraft draft, String source) {
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String path = prefix + entry.getKey();
            Object value = entry.getValue();
            if (ConfigKeys.byPath(path).isEmpty() && value instanceof Map<?, ?> section) {
                walk(path + ".", section, draft, source);
            } else if (ConfigKeys.isSection(path)) {
                draft.problem(path, "is a section; expected keys under it, got '" + value + "'", source);
            } else {
                draft.apply(path, value, source);
            }
        }
    }

    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        return new Yaml(new SafeConstructor(options));
    }
}
