package dev.parley.server.config;

import java.util.List;
import java.util.stream.Collectors;

/** The configuration is invalid; carries every problem found, not just the first. */
public final class ConfigException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Never serialized: an exception that crosses a process boundary carries its message only. */
    private final transient List<ConfigProblem> problems;

    public ConfigException(List<ConfigProblem> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    public List<ConfigProblem> problems() {
        return problems;
    }

    private static String describe(List<ConfigProblem> problems) {
        String noun = problems.size() == 1 ? "problem" : "problems";
        return problems.stream()
                .map(p -> "  - " + p)
                .collect(Collectors.joining(
                        "\n", "Invalid configuration (" + problems.size() + " " + noun + "):\n", ""));
    }
}
