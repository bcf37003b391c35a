package dev.parley.server.chat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The IRCv3 server-time format: {@code 2026-11-23T21:56:19.123Z}, always with milliseconds. Every
 * user message carries one, so formatting is done by hand (the date part cached per day) instead of
 * with {@link DateTimeFormatter}, which costs a dozen objects per call, BigDecimal among them.
 */
public final class ServerTime {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final long MILLIS_PER_DAY = 86_400_000L;

    /** The last day formatted, with its {@code yyyy-MM-ddT}; replaced whole, so racing readers are safe. */
    private static volatile Day lastDay = new Day(Long.MIN_VALUE, "");

    private record Day(long epochDay, String prefix) {}

    private ServerTime() {}

    public static String format(Instant time) {
        return format(time.toEpochMilli());
    }

    public static String format(long epochMillis) {
        long epochDay = Math.floorDiv(epochMillis, MILLIS_PER_DAY);
        Day day = lastDay;
        if (day.epochDay() != epochDay) {
            LocalDate date = LocalDate.ofEpochDay(epochDay);
            if (date.getYear() < 0 || date.getYear() > 9999) {
                return FORMAT.format(Instant.ofEpochMilli(epochMillis));
            }
            day = new Day(epochDay, date + "T");
            lastDay = day;
        }
        int ofDay = (int) Math.floorMod(epochMillis, MILLIS_PER_DAY);
        char[] text = new char[24];
        day.prefix().getChars(0, 11, text, 0);
        twoDigits(text, 11, ofDay / 3_600_000);
        text[13] = ':';
        twoDigits(text, 14, ofDay / 60_000 % 60);
        text[16] = ':';
        twoDigits(text, 17, ofDay / 1000 % 60);
        text[19] = '.';
        int millis = ofDay % 1000;
        text[20] = (char) ('0' + millis / 100);
        twoDigits(text, 21, millis % 100);
        text[23] = 'Z';
        return new String(text);
    }

    private static void twoDigits(char[] text, int at, int value) {
        text[at] = (char) ('0' + value / 10);
        text[at + 1] = (char) ('0' + value % 10);
    }

    public static Optional<Instant> parse(String text) {
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
