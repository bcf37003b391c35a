package dev.parley.server.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The configuration while it is being loaded: one value per key, starting at the defaults, each
 * source overwriting what came before, and every problem met on the way. Sources never throw;
 * they report here, so the user sees all problems from all sources at once.
 */
final class ConfigDraft implements ConfigKeys.Values {

    private final Map<ConfigKey<?>, Object> values = new HashMap<>();
    /** Where each key that some source set was last set from; keys left at their default are absent. */
    private final Map<ConfigKey<?>, String> sources = new HashMap<>();

    private final List<ConfigProblem> problems = new ArrayList<>();

    ConfigDraft() {
        for (ConfigKey<?> key : ConfigKeys.all()) {
            values.put(key, key.defaultValue());
        }
    }

    /** Sets the key at {@code path} from a raw value, or records why it cannot. */
    void apply(String path, Object raw, String source) {
        ConfigKeys.byPath(path)
                .ifPresentOrElse(
                        key -> parseInto(key, raw, source),
                        () -> problems.add(new ConfigProblem(path, unknownKeyMessage(path), source)));
    }

    void problem(String path, String message, String source) {
        problems.add(new ConfigProblem(path, message, source));
    }

    /** Where a source set {@code key}, or empty when it is still at its default. */
    Optional<String> sourceOf(ConfigKey<?> key) {
        return Optional.ofNullable(sources.get(key));
    }

    /** The finished, validated snapshot. */
    ParleyConfig build() throws ConfigException {
        ParleyConfig config = ConfigKeys.assemble(this);
        Set<String> alreadyWrong = new HashSet<>();
        problems.forEach(p -> alreadyWrong.add(p.path()));
        for (ConfigProblem rule : ConfigRules.check(config)) {
            if (!alreadyWrong.contains(rule.path())) {
                problems.add(rule);
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return config;
    }

    @Override
    @SuppressWarnings("unchecked") // values only ever holds a key's own type: see parseInto
    public <T> T get(ConfigKey<T> key) {
        return (T) values.get(key);
    }

    private <T> void parseInto(ConfigKey<T> key, Object raw, String source) {
        sources.put(key, source);
        try {
            values.put(key, key.type().parse(raw));
        } catch (IllegalArgumentException e) {
            problems.add(new ConfigProblem(key.path(), e.getMessage(), source));
        }
    }

    private static String unknownKeyMessage(String path) {
        if (ConfigKeys.isSection(path)) {
            return "is a section, not a key; set one of " + String.join(", ", ConfigKeys.pathsUnder(path));
        }
        return KeySuggestion.closest(path, ConfigKeys.pathsAndSections())
                .map(known -> "unknown key — did you mean " + known + "?")
                .orElse("unknown key");
    }
}
