package dev.parley.server.config;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads byte sizes: a plain number of bytes ({@code 98304}) or a binary unit ({@code 96KiB},
 * {@code 1MiB}, {@code 1GiB}; {@code B} for bytes). Decimal units (KB, MB) are refused rather
 * than guessed at, since half the world means 1024 by them.
 */
final class ByteSizeParser {

    private static final Pattern SIZE = Pattern.compile("(-?\\d+)\\s*(B|KiB|MiB|GiB)?", Pattern.CASE_INSENSITIVE);

    private ByteSizeParser() {}

    static long parse(String text) {
        Matcher m = SIZE.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("expected a size like 98304, 96KiB or 1MiB, got '" + text + "'");
        }
        String unit = m.group(2) == null ? "b" : m.group(2).toLowerCase(Locale.ROOT);
        long factor = switch (unit) {
            case "kib" -> 1024L;
            case "mib" -> 1024L * 1024;
            case "gib" -> 1024L * 1024 * 1024;
            default -> 1L;
        };
        try {
            return Math.multiplyExact(Long.parseLong(m.group(1)), factor);
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("size is too large: '" + text + "'", e);
        }
    }
}
