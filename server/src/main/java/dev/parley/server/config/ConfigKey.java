package dev.parley.server.config;

import java.util.Locale;
import java.util.function.Function;

/**
 * One configuration key: where it lives, how its text or YAML value is read, and where its default
 * comes from. The loader, the environment-variable names and the example-coverage test all work
 * from the same {@link ConfigKeys} table of these, so a key is declared exactly once.
 *
 * @param path the dotted, kebab-case key path, e.g. {@code limits.flood.burst}
 * @param type reads and checks a raw value
 * @param defaultOf reads this key's value out of a whole config (applied to the defaults)
 * @param reloadable whether REHASH / SIGHUP applies a new value to the running server; when false a
 *     changed value is refused with "needs a restart" and the running value stays
 */
public record ConfigKey<T>(String path, ValueType<T> type, Function<ParleyConfig, T> defaultOf, boolean reloadable) {

    /** The environment variable that sets this key: {@code PARLEY_LIMITS__FLOOD__BURST}. */
    public String envName() {
        return "PARLEY_" + path.toUpperCase(Locale.ROOT).replace('-', '_').replace(".", "__");
    }

    T defaultValue() {
        return valueIn(ParleyConfig.defaults());
    }

    /** This key's value in {@code config}. */
    public T valueIn(ParleyConfig config) {
        return defaultOf.apply(config);
    }
}
