package dev.parley.server.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a reload would change: the keys whose value differs between the running and the new
 * configuration, split by {@link ConfigKey#reloadable()}, and the configuration to put in force (the
 * new value of every reloadable key, the running value of every other). Key names only: a changed
 * password is named, never shown.
 *
 * @param applied reloadable keys that changed, in the order of {@link ConfigKeys#all()}
 * @param needRestart keys that changed but only a restart applies
 * @param next the configuration to put in force
 */
public record ConfigChange(List<ConfigKey<?>> applied, List<ConfigKey<?>> needRestart, ParleyConfig next) {

    public ConfigChange {
        applied = List.copyOf(applied);
        needRestart = List.copyOf(needRestart);
    }

    /** Compares every key of {@code running} with {@code loaded}. */
    public static ConfigChange between(ParleyConfig running, ParleyConfig loaded) {
        List<ConfigKey<?>> applied = new ArrayList<>();
        List<ConfigKey<?>> needRestart = new ArrayList<>();
        for (ConfigKey<?> key : ConfigKeys.all()) {
            if (!Objects.equals(key.valueIn(running), key.valueIn(loaded))) {
                (key.reloadable() ? applied : needRestart).add(key);
            }
        }
        ParleyConfig next = ConfigKeys.assemble(new ConfigKeys.Values() {
            @Override
            public <T> T get(ConfigKey<T> key) {
                return key.valueIn(key.reloadable() ? loaded : running);
            }
        });
        return new ConfigChange(applied, needRestart, next);
    }

    /** Whether {@code key} is among the applied changes. */
    public boolean applies(ConfigKey<?> key) {
        return applied.contains(key);
    }

    /**
     * Problems of the merged configuration: rules spanning keys that held for the new file may not
     * hold once restart-only keys keep their running values (and the other way round).
     */
    public List<ConfigProblem> problems() {
        List<ConfigProblem> problems = new ArrayList<>(ConfigRules.check(next));
        ProtectedMode.refusal(next)
                .ifPresent(refusal -> problems.add(new ConfigProblem(
                        ConfigKeys.AUTH_SERVER_PASSWORD.path() + ", " + ConfigKeys.AUTH_ADMIN_PASSWORD.path(),
                        "the seed's default passwords would be in force on a non-loopback listener",
                        "")));
        return problems;
    }

    /** One line per key that needs a restart, for the operator. */
    public List<String> restartLines() {
        return needRestart.stream()
                .map(key -> key.path() + " changed: needs a restart; the running value stays")
                .toList();
    }
}
