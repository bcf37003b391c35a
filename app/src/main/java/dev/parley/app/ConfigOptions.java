package dev.parley.app;

import dev.parley.server.config.ConfigException;
import dev.parley.server.config.ConfigKeys;
import dev.parley.server.config.ConfigLoader;
import dev.parley.server.config.ParleyConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The options every command that reads the configuration shares (server, bans), so they are
 * spelled and applied the same way everywhere.
 */
public final class ConfigOptions {

    @Option(names = "--config", paramLabel = "FILE", description = "YAML config file (see parley.example.yaml).")
    private Path configFile;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Data directory (default: data).")
    private String dataDir;

    @Option(
            names = "--database",
            paramLabel = "JDBC_URL",
            description = "Database URL (default: SQLite in the data directory).")
    private String database;

    @Option(
            names = "--set",
            paramLabel = "KEY.PATH=VALUE",
            description = "Set any config key, e.g. --set limits.flood.enabled=false (repeatable).")
    private List<String> sets = new ArrayList<>();

    /** The configuration, or empty after printing every problem to {@code err} (for the admin commands). */
    Optional<ParleyConfig> loadOrReport(Map<String, String> environment, PrintWriter err) {
        try {
            return Optional.of(loader(environment).load());
        } catch (ConfigException e) {
            err.println(e.getMessage());
            err.flush();
            return Optional.empty();
        }
    }

    /** A loader with the file, the environment, the --set overrides and these flags applied. */
    ConfigLoader loader(Map<String, String> environment) {
        ConfigLoader loader = new ConfigLoader().environment(environment).sets(sets);
        if (configFile != null) {
            loader.file(configFile);
        }
        if (dataDir != null) {
            loader.flag(ConfigKeys.STORAGE_DATA_DIR.path(), dataDir);
        }
        if (database != null) {
            loader.flag(ConfigKeys.STORAGE_DATABASE_URL.path(), database);
        }
        return loader;
    }
}
