package dev.parley.server.config;

/**
 * One thing wrong with the configuration, tied to the key it concerns and where the value came
 * from, so a user can fix every problem in one pass.
 *
 * @param path the key path, e.g. {@code limits.nick-length}
 * @param message what is wrong, e.g. "must be at least 9, got 5"
 * @param source where the value came from ("parley.yaml", "env PARLEY_...", "--set"), or empty
 */
public record ConfigProblem(String path, String message, String source) {

    @Override
    public String toString() {
        return source.isEmpty() ? path + ": " + message : path + ": " + message + " (from " + source + ")";
    }
}
