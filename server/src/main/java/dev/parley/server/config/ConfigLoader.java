package dev.parley.server.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the one {@link ParleyConfig} snapshot from, in increasing precedence: the defaults, a
 * YAML file, {@code PARLEY_*} environment variables, {@code --set key.path=value} overrides, and the
 * dedicated command-line flags. The order is fixed by {@link #load()}, not by the order the sources
 * were given in. Passwords named by {@code *-file} keys are read last, from whichever source set
 * the file key. Every problem from every source is collected and thrown together.
 *
 * <pre>{@code
 * ParleyConfig config = new ConfigLoader()
 *         .file(Path.of("parley.yaml"))
 *         .environment(System.getenv())
 *         .sets(List.of("limits.flood.enabled=false"))
 *         .flag("server.listen", List.of("0.0.0.0:6667"))
 *         .load();
 * }</pre>
 */
public final class ConfigLoader {

    private Optional<Path> file = Optional.empty();
    private Map<String, String> environment = Map.of();
    private final List<String> sets = new ArrayList<>();
    private final Map<String, Object> flags = new LinkedHashMap<>();

    /** The YAML file to read; a missing or unreadable file is a problem, not a silent default. */
    public ConfigLoader file(Path path) {
        this.file = Optional.of(path);
        return this;
    }

    /** The environment to read {@code PARLEY_<SECTION>__<KEY>} variables from; a parameter so tests need not touch the real one. */
    public ConfigLoader environment(Map<String, String> variables) {
        this.environment = Map.copyOf(variables);
        return this;
    }

    /** {@code key.path=value} overrides, applied in order. */
    public ConfigLoader sets(List<String> assignments) {
        this.sets.addAll(assignments);
        return this;
    }

    /**
     * A dedicated flag's value, already mapped to its key path by the caller: text, a boolean, or a
     * list of text for list keys. Flags win over everything else.
     */
    public ConfigLoader flag(String path, Object value) {
        this.flags.put(path, value);
        return this;
    }

    public ParleyConfig load() throws ConfigException {
        ConfigDraft draft = new ConfigDraft();
        file.ifPresent(path -> YamlConfigFile.readInto(path, draft));
        EnvironmentOverrides.readInto(environment, draft);
        sets.forEach(assignment -> applySet(assignment, draft));
        flags.forEach((path, value) -> draft.apply(path, value, "command-line flag"));
        SecretFiles.readInto(draft);
        return draft.build();
    }

    private static void applySet(String assignment, ConfigDraft draft) {
        int equals = assignment.indexOf('=');
        if (equals <= 0) {
            // The argument is not echoed: it may be a mistyped password.
            draft.problem("(--set)", "expected key.path=value, got an argument without a key", "--set");
            return;
        }
        draft.apply(assignment.substring(0, equals).trim(), assignment.substring(equals + 1), "--set");
    }
}
