package dev.parley.server.config;

import java.util.List;

/**
 * Reads the configuration again from its {@link ConfigSource} and puts the reloadable part in force
 * in one swap of the {@link LiveConfig}. An invalid file changes nothing: the running configuration
 * stays whole and the problems are returned. One reload at a time (REHASH, SIGHUP and the admin
 * console may ask together); blocking (files), so never on an event loop.
 */
public final class ConfigReloader {

    private final LiveConfig live;
    private final ConfigSource source;

    public ConfigReloader(LiveConfig live, ConfigSource source) {
        this.live = live;
        this.source = source;
    }

    public synchronized Outcome reload() {
        ParleyConfig loaded;
        try {
            loaded = source.load();
        } catch (ConfigException e) {
            return new Outcome.Invalid(e.problems());
        }
        ConfigChange change = ConfigChange.between(live.get(), loaded);
        List<ConfigProblem> problems = change.problems();
        if (!problems.isEmpty()) {
            return new Outcome.Invalid(problems);
        }
        live.set(change.next());
        return new Outcome.Applied(change);
    }

    /** What a reload did. */
    public sealed interface Outcome {

        /** The new configuration is in force (its reloadable keys; see {@link ConfigChange#needRestart()}). */
        record Applied(ConfigChange change) implements Outcome {}

        /** Nothing changed: the configuration read has these problems. */
        record Invalid(List<ConfigProblem> problems) implements Outcome {
            public Invalid {
                problems = List.copyOf(problems);
            }
        }
    }
}
