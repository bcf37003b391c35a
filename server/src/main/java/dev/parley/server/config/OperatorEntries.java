package dev.parley.server.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code auth.operators}: a YAML list of {@code {name, password}} maps, or as text (env,
 * {@code --set}) {@code name:password,name:password}. All entries are checked before failing so
 * one message names every bad entry.
 */
final class OperatorEntries {

    private static final Set<String> FIELDS = Set.of("name", "password");

    private OperatorEntries() {}

    static List<OperatorConfig> parse(Object raw) {
        if (raw == null) {
            return List.of();
        }
        List<?> entries = raw instanceof List<?> list ? list : ValueTypes.items(raw, ",");
        List<OperatorConfig> operators = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            try {
                operators.add(entry(entries.get(i)));
            } catch (IllegalArgumentException e) {
                problems.add("entry " + (i + 1) + " " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return List.copyOf(operators);
    }

    private static OperatorConfig entry(Object raw) {
        if (raw instanceof Map<?, ?> map) {
            for (Object field : map.keySet()) {
                if (!FIELDS.contains(String.valueOf(field))) {
                    throw new IllegalArgumentException("has unknown key '" + field + "' (expected name, password)");
                }
            }
            return operator(map.get("name"), map.get("password"));
        }
        String text = ValueTypes.scalar(raw);
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("expected name:password");
        }
        return operator(text.substring(0, colon), text.substring(colon + 1));
    }

    private static OperatorConfig operator(Object name, Object password) {
        if (name == null || ValueTypes.scalar(name).isBlank()) {
            throw new IllegalArgumentException("needs a name");
        }
        if (password == null || ValueTypes.scalar(password).isEmpty()) {
            throw new IllegalArgumentException("needs a password");
        }
        return new OperatorConfig(ValueTypes.scalar(name).trim(), Secret.of(ValueTypes.scalar(password)));
    }
}
