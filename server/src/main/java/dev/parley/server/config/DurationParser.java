package dev.parley.server.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads durations as people write them in config: {@code 100ms}, {@code 60s}, {@code 10m},
 * {@code 2h}, {@code 1d}, a bare {@code 0}, or ISO-8601 ({@code PT1M30S}) for anything else. A bare
 * number other than 0 is refused because its unit would be a guess.
 */
final class DurationParser {

    private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    private DurationParser() {}

    static Duration parse(String text) {
        String value = text.trim();
        if (value.equals("0")) {
            return Duration.ZERO;
        }
        Matcher m = SHORT.matcher(value);
        if (m.matches()) {
            return ofUnit(Long.parseLong(m.group(1)), m.group(2));
        }
        if (value.toUpperCase(java.util.Locale.ROOT).startsWith("P")) {
            try {
                return Duration.parse(value);
            } catch (DateTimeParseException e) {
                // Falls through to the message below, which says what is accepted.
            }
        }
        throw new IllegalArgumentException(
                "expected a duration like 100ms, 60s, 10m, 2h, 1d or ISO-8601 PT1M, got '" + text + "'");
    }

    private static Duration ofUnit(long amount, String unit) {
        return switch (unit) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            case "d" -> Duration.ofDays(amount);
            default -> throw new IllegalStateException("pattern admits unit " + unit);
        };
    }
}
