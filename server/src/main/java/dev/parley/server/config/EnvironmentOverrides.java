package dev.parley.server.config;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads {@code PARLEY_<SECTION>__<KEY>} variables into the draft ({@code __} separates path
 * segments, {@code _} stands for {@code -}). Only names with a {@code __} are config keys, so other
 * {@code PARLEY_*} variables, such as the launcher's {@code PARLEY_JAVA_OPTS}, are left alone; a
 * config-shaped name that matches no key is an error, because a typo there would otherwise be
 * silently ignored.
 */
final class EnvironmentOverrides {

    private static final String PREFIX = "PARLEY_";

    private EnvironmentOverrides() {}

    static void readInto(Map<String, String> environment, ConfigDraft draft) {
        // Sorted, so problems come out in the same order every time.
        for (Map.Entry<String, String> variable : new TreeMap<>(environment).entrySet()) {
            String name = variable.getKey();
            if (name.startsWith(PREFIX) && name.contains("__")) {
                draft.apply(pathOf(name), variable.getValue(), "env " + name);
            }
        }
    }

    static String pathOf(String variableName) {
        return variableName
                .substring(PREFIX.length())
                .toLowerCase(Locale.ROOT)
                .replace("__", ".")
                .replace('_', '-');
    }
}
