package dev.parley.server.config;

/**
 * The server's console log: how much Parley says, and in what shape. Libraries keep their own
 * levels (WARN); a Logback file given with {@code -Dlogback.configurationFile} still wins over both.
 *
 * @param level the least severe level logged for Parley's own loggers
 * @param format one line of text per event, or one JSON object per line for log collectors
 */
public record LoggingConfig(Level level, Format format) {

    public enum Level {
        TRACE,
        DEBUG,
        INFO,
        WARN,
        ERROR
    }

    public enum Format {
        TEXT,
        JSON
    }

    public static LoggingConfig defaults() {
        return new LoggingConfig(Level.INFO, Format.TEXT);
    }
}
