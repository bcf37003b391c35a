package dev.parley.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import dev.parley.server.config.LoggingConfig;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * Applies {@code logging.level} and {@code logging.format} to the console log that
 * {@code logback.xml} sets up. An operator's own Logback file ({@code -Dlogback.configurationFile})
 * is left exactly as written.
 */
final class ConsoleLogging {

    private static final String APPENDER = "CONSOLE";

    private ConsoleLogging() {}

    static void apply(LoggingConfig config) {
        LoggerContext context = ownContext();
        if (context == null) {
            return;
        }
        context.getLogger("dev.parley").setLevel(Level.toLevel(config.level().name()));
        Appender<ILoggingEvent> console =
                context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender(APPENDER);
        if (config.format() == LoggingConfig.Format.JSON
                && console instanceof OutputStreamAppender<ILoggingEvent> stream) {
            JsonEncoder json = new JsonEncoder();
            json.setWithFormattedMessage(true);
            json.setContext(context);
            json.start();
            stream.stop();
            stream.setEncoder(json);
            stream.start();
        }
    }

    /** {@code logging.level} again, after a reload ({@code logging.format} needs a restart). */
    static void applyLevel(LoggingConfig config) {
        LoggerContext context = ownContext();
        if (context != null) {
            context.getLogger("dev.parley")
                    .setLevel(Level.toLevel(config.level().name()));
        }
    }

    /** Logback's context, unless the operator brought a Logback file of their own (left as written). */
    private static LoggerContext ownContext() {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (System.getProperty("logback.configurationFile") != null || !(factory instanceof LoggerContext context)) {
            return null;
        }
        return context;
    }
}
