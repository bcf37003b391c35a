package dev.parley.server.config;

/**
 * Where the configuration comes from, kept so that a reload reads it again exactly as start-up did:
 * the same file, environment, {@code --set} overrides and flags, and the {@code *-file} secrets
 * read anew.
 */
@FunctionalInterface
public interface ConfigSource {

    /** Reads and validates the whole configuration again. */
    ParleyConfig load() throws ConfigException;

    /** A source that always gives {@code config}: a reload finds nothing changed. */
    static ConfigSource fixed(ParleyConfig config) {
        return () -> config;
    }
}
