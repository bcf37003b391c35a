package dev.parley.server.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * A whole configuration as YAML, every key by section, each value written as
 * {@code parley.example.yaml} writes it ({@code 30s}, {@code 127.0.0.1:6667}, {@code after-connect}),
 * so the output reads back as a config file. Passwords are masked: every {@link Secret}, every key named
 * {@code *password} or {@code *secret}, and a {@code password=} in a JDBC URL. For
 * {@code parley config check}, which an operator may paste into a ticket.
 */
public final class EffectiveConfigYaml {

    /** What a set password is shown as; an unset one stays {@code ""}. */
    public static final String MASK = "********";

    private static final Pattern SECRET_KEY = Pattern.compile(".*(password|secret)$");
    private static final Pattern URL_PASSWORD = Pattern.compile("(?i)(password=)[^&;]*");

    private EffectiveConfigYaml() {}

    public static String render(ParleyConfig config) {
        Map<String, Object> document = new LinkedHashMap<>();
        for (ConfigKey<?> key : ConfigKeys.all()) {
            put(document, key.path(), masked(key, plain(key.defaultOf().apply(config))));
        }
        return yaml().dump(document);
    }

    /** A JDBC URL with the value of any {@code password=} parameter masked. */
    public static String maskedUrl(String jdbcUrl) {
        return URL_PASSWORD.matcher(jdbcUrl).replaceAll("$1" + MASK);
    }

    private static Object masked(ConfigKey<?> key, Object value) {
        String name = key.path().substring(key.path().lastIndexOf('.') + 1);
        if (SECRET_KEY.matcher(name).matches() && value instanceof String text && !text.isEmpty()) {
            return MASK;
        }
        if (key.equals(ConfigKeys.STORAGE_DATABASE_URL) && value instanceof String url) {
            return maskedUrl(url);
        }
        return value;
    }

    /** The value as YAML scalars, lists and maps, spelled as a config file spells it. */
    private static Object plain(Object value) {
        if (value instanceof Optional<?> optional) {
            return optional.map(EffectiveConfigYaml::plain).orElse("");
        }
        if (value instanceof Secret) {
            return MASK;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(EffectiveConfigYaml::plain).toList();
        }
        if (value instanceof OperatorConfig operator) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", operator.name());
            entry.put("password", MASK);
            return entry;
        }
        if (value instanceof Duration duration) {
            return duration.isZero() ? (Object) 0 : duration(duration);
        }
        if (value instanceof Enum<?> constant) {
            return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
        if (value instanceof Path
                || value instanceof ListenAddress
                || value instanceof WebOrigin
                || value instanceof AddressRange) {
            return value.toString();
        }
        return value;
    }

    /** In the largest whole unit: {@code 90s} stays {@code 90s}, {@code 120000ms} becomes {@code 2m}. */
    static String duration(Duration duration) {
        if (duration.isZero()) {
            return "0";
        }
        if (duration.toNanosPart() % 1_000_000 != 0) {
            return duration.toString();
        }
        long millis = duration.toMillis();
        long[] sizes = {86_400_000L, 3_600_000L, 60_000L, 1_000L};
        String[] units = {"d", "h", "m", "s"};
        for (int i = 0; i < sizes.length; i++) {
            if (millis % sizes[i] == 0) {
                return millis / sizes[i] + units[i];
            }
        }
        return millis + "ms";
    }

    @SuppressWarnings("unchecked") // sections are only ever the maps made here
    private static void put(Map<String, Object> document, String path, Object value) {
        String[] segments = path.split("\\.");
        Map<String, Object> section = document;
        for (int i = 0; i < segments.length - 1; i++) {
            section = (Map<String, Object>) section.computeIfAbsent(segments[i], s -> new LinkedHashMap<>());
        }
        section.put(segments[segments.length - 1], value);
    }

    private static Yaml yaml() {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setIndicatorIndent(2);
        options.setIndentWithIndicator(true);
        options.setSplitLines(false);
        options.setDereferenceAliases(true); // equal empty lists are one object; YAML would alias them
        return new Yaml(options);
    }
}
