package dev.parley.server.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The value types config keys are made of. Each accepts both what YAML produces and the plain text
 * of an environment variable or {@code --set}, so every key can be set from every source.
 */
final class ValueTypes {

    private ValueTypes() {}

    static ValueType<Boolean> bool() {
        return raw -> {
            if (raw instanceof Boolean b) {
                return b;
            }
            String text = scalar(raw).toLowerCase(Locale.ROOT);
            if (text.equals("true") || text.equals("false")) {
                return Boolean.parseBoolean(text);
            }
            throw new IllegalArgumentException("expected true or false, got '" + raw + "'");
        };
    }

    /** One of an enum's constants, written in lower case with dashes ({@code after-connect}). */
    static <E extends Enum<E>> ValueType<E> choice(Class<E> type) {
        return raw -> {
            // YAML 1.1 reads a bare on/off (also yes/no) as a boolean: for a choice that has on and
            // off, that is what the user wrote.
            Object value = raw instanceof Boolean on ? (on ? "on" : "off") : raw;
            String text = scalar(value).trim().toUpperCase(Locale.ROOT).replace('-', '_');
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(text)) {
                    return constant;
                }
            }
            List<String> names = new ArrayList<>();
            for (E constant : type.getEnumConstants()) {
                names.add(constant.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            }
            throw new IllegalArgumentException("expected one of " + String.join(", ", names) + ", got '" + raw + "'");
        };
    }

    static ValueType<Integer> integerBetween(int min, int max) {
        return raw -> {
            int value = atLeast(wholeNumber(raw), min);
            if (value > max) {
                throw new IllegalArgumentException("must be at most " + max + ", got " + raw);
            }
            return value;
        };
    }

    static ValueType<Integer> integer(int min) {
        return raw -> {
            long value = wholeNumber(raw);
            return atLeast(value, min);
        };
    }

    static ValueType<Double> positiveDecimal() {
        return raw -> {
            double value;
            try {
                value = raw instanceof Number n ? n.doubleValue() : Double.parseDouble(scalar(raw));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("expected a number, got '" + raw + "'", e);
            }
            if (!(value > 0) || Double.isInfinite(value)) {
                throw new IllegalArgumentException("must be greater than 0, got " + raw);
            }
            return value;
        };
    }

    /** A size in bytes ({@code 96KiB} or {@code 98304}) that fits an int. */
    static ValueType<Integer> byteSize() {
        return raw -> atLeast(raw instanceof Number n ? wholeNumber(n) : ByteSizeParser.parse(scalar(raw)), 0);
    }

    /** A size in bytes ({@code 1GiB} or a number) that fits a long. */
    static ValueType<Long> largeByteSize() {
        return raw -> {
            long value = raw instanceof Number n ? wholeNumber(n) : ByteSizeParser.parse(scalar(raw));
            if (value < 1) {
                throw new IllegalArgumentException("must be at least 1 byte, got " + raw);
            }
            return value;
        };
    }

    static ValueType<Duration> duration(Duration min) {
        return raw -> {
            Duration value =
                    raw instanceof Number n && wholeNumber(n) == 0 ? Duration.ZERO : DurationParser.parse(scalar(raw));
            if (value.compareTo(min) < 0) {
                String bound = min.isZero() ? "0 or more" : "at least " + min.toMillis() + "ms";
                throw new IllegalArgumentException("must be " + bound + ", got '" + raw + "'");
            }
            return value;
        };
    }

    /** A single word: a server name, network name, nick. */
    static ValueType<String> word() {
        return raw -> {
            String text = scalar(raw).trim();
            if (text.isEmpty() || text.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("must be one word without spaces, got '" + raw + "'");
            }
            return text;
        };
    }

    /**
     * The name of a database object (a PostgreSQL text search configuration): a lower-case letter,
     * then lower-case letters, digits or underscores, at most 50, so it is safe in SQL as it is.
     */
    static ValueType<String> sqlName() {
        return raw -> {
            String text = scalar(raw).trim();
            if (!text.matches("[a-z][a-z0-9_]{0,49}")) {
                throw new IllegalArgumentException(
                        "must be a name of lower-case letters, digits and underscores, got '" + raw + "'");
            }
            return text;
        };
    }

    /** Text where empty (or YAML null) means "not set". */
    static ValueType<Optional<String>> optionalText() {
        return raw ->
                raw == null ? Optional.empty() : Optional.of(scalar(raw).trim()).filter(s -> !s.isEmpty());
    }

    static ValueType<Optional<String>> optionalJdbcUrl() {
        return raw -> {
            Optional<String> url = optionalText().parse(raw);
            if (url.isPresent() && !url.get().startsWith("jdbc:")) {
                throw new IllegalArgumentException("must be a JDBC URL starting with jdbc:, or empty for SQLite");
            }
            return url;
        };
    }

    static ValueType<Optional<String>> optionalRedisUrl() {
        return raw -> {
            Optional<String> url = optionalText().parse(raw);
            if (url.isPresent()
                    && !url.get().startsWith("redis://")
                    && !url.get().startsWith("rediss://")) {
                throw new IllegalArgumentException(
                        "must be a Redis URL such as redis://127.0.0.1:6379, or empty for a single node");
            }
            return url;
        };
    }

    static ValueType<Secret> secret() {
        return raw -> {
            if (raw == null || scalar(raw).isEmpty()) {
                throw new IllegalArgumentException("needs a password (plain text or a bcrypt hash)");
            }
            return Secret.of(scalar(raw));
        };
    }

    static ValueType<Optional<Secret>> optionalSecret() {
        return raw -> raw == null || scalar(raw).isEmpty() ? Optional.empty() : Optional.of(Secret.of(scalar(raw)));
    }

    static ValueType<Path> path() {
        return raw -> {
            String text = scalar(raw).trim();
            if (text.isEmpty()) {
                throw new IllegalArgumentException("needs a directory");
            }
            try {
                return Path.of(text);
            } catch (InvalidPathException e) {
                throw new IllegalArgumentException("not a usable path: " + e.getReason(), e);
            }
        };
    }

    /** HOST:PORT entries; as text, comma-separated. At least one, no duplicates. */
    static ValueType<List<ListenAddress>> listenAddresses() {
        return raw -> {
            List<ListenAddress> addresses = new ArrayList<>();
            for (String entry : items(raw, ",")) {
                addresses.add(ListenAddress.parse(entry));
            }
            if (addresses.isEmpty()) {
                throw new IllegalArgumentException("needs at least one HOST:PORT");
            }
            if (new HashSet<>(addresses).size() != addresses.size()) {
                throw new IllegalArgumentException("lists the same address twice: " + addresses);
            }
            return List.copyOf(addresses);
        };
    }

    /** Like {@link #listenAddresses()}, but may be empty (the listener kind is off). */
    static ValueType<List<ListenAddress>> optionalListenAddresses() {
        return raw -> {
            if (raw == null
                    || (raw instanceof List<?> list && list.isEmpty())
                    || (!(raw instanceof List) && scalar(raw).trim().isEmpty())) {
                return List.of();
            }
            return listenAddresses().parse(raw);
        };
    }

    /** A file path where empty (or YAML null) means "not set". */
    static ValueType<Optional<Path>> optionalPath() {
        return raw -> {
            Optional<String> text = optionalText().parse(raw);
            try {
                return text.map(Path::of);
            } catch (InvalidPathException e) {
                throw new IllegalArgumentException("not a usable path: " + e.getReason(), e);
            }
        };
    }

    /** Lines of text; as text, one line per newline. */
    static ValueType<List<String>> lines() {
        return raw -> raw == null ? List.of() : List.copyOf(items(raw, "\n"));
    }

    /** Web origins ({@code https://chat.example.com}); as text, comma-separated. May be empty. */
    static ValueType<List<WebOrigin>> webOrigins() {
        return raw -> {
            List<WebOrigin> origins = new ArrayList<>();
            for (String entry : raw == null ? List.<String>of() : items(raw, ",")) {
                origins.add(WebOrigin.parse(entry)
                        .orElseThrow(() -> new IllegalArgumentException(
                                "expected origins like https://chat.example.com (scheme, host, optional port), got '"
                                        + entry + "'")));
            }
            return List.copyOf(origins);
        };
    }

    /** IP addresses and CIDR blocks ({@code 10.0.0.0/8}); as text, comma-separated. May be empty. */
    static ValueType<List<AddressRange>> addressRanges() {
        return raw -> {
            List<AddressRange> ranges = new ArrayList<>();
            for (String entry : raw == null ? List.<String>of() : items(raw, ",")) {
                ranges.add(AddressRange.parse(entry));
            }
            return List.copyOf(ranges);
        };
    }

    static String scalar(Object raw) {
        if (raw == null) {
            throw new IllegalArgumentException("needs a value");
        }
        if (raw instanceof Map || raw instanceof List) {
            throw new IllegalArgumentException(
                    "expected a single value, got a " + (raw instanceof Map ? "map" : "list"));
        }
        return raw.toString();
    }

    static List<String> items(Object raw, String separator) {
        if (raw instanceof List<?> list) {
            return list.stream().map(ValueTypes::scalar).toList();
        }
        String text = scalar(raw);
        return text.isBlank()
                ? List.of()
                : List.of(text.split(separator, -1)).stream().map(String::trim).toList();
    }

    private static long wholeNumber(Object raw) {
        if (raw instanceof Integer || raw instanceof Long) {
            return ((Number) raw).longValue();
        }
        try {
            return Long.parseLong(scalar(raw).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a whole number, got '" + raw + "'", e);
        }
    }

    private static int atLeast(long value, int min) {
        if (value < min) {
            throw new IllegalArgumentException("must be at least " + min + ", got " + value);
        }
        if (value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("must be at most " + Integer.MAX_VALUE + ", got " + value);
        }
        return (int) value;
    }
}
