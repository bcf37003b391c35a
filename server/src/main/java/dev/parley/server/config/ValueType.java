package dev.parley.server.config;

/**
 * Reads one raw configuration value into its typed form. Raw values are what YAML produced
 * (strings, numbers, booleans, lists, maps, null) or the text of an environment variable or flag.
 */
@FunctionalInterface
public interface ValueType<T> {

    /**
     * Returns the typed value, or throws {@link IllegalArgumentException} whose message is the
     * problem as a user should read it after the key path ("must be at least 1, got 0"). Messages
     * must never repeat a secret.
     */
    T parse(Object raw);
}
