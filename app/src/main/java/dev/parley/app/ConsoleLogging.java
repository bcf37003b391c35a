package dev.parley.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
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
    /** The context property that holds a cluster node's id: in every text line, and in JSON's context. */
    static final String NODE = "node";
    /** logback.xml's pattern with the node's id after the thread. */
    static final String NODE_PATTERN =
            "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] node=%property{node} %logger{20} - %msg%n";

    private ConsoleLogging() {}

    static void apply(LoggingConfig config) {
        apply(config, null);
    }

    /** @param nodeId a cluster node's id, put in every log line's context; null on a single node */
    static void apply(LoggingConfig config, String nodeId) {
        LoggerContext context = ownContext();
        if (context == null) {
            return;
        }
        context.getLogger("dev.parley").setLevel(Level.toLevel(config.level().name()));
        Appender<ILoggingEvent> console =
                context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender(APPENDER);
        if (!(console instanceof OutputStreamAppender<ILoggingEvent> stream)) {
            return;
        }
        if (nodeId != null) {
            context.putProperty(NODE, nodeId);
        }
        if (config.format() == LoggingConfig.Format.JSON) {
            JsonEncoder json = new JsonEncoder(); // its "context" carries the node's id
            json.setWithFormattedMessage(true);
            json.setContext(context);
            replaceEncoder(stream, json);
        } else if (nodeId != null) {
            PatternLayoutEncoder text = new PatternLayoutEncoder();
            text.setPattern(NODE_PATTERN);
            text.setContext(context);
            replaceEncoder(stream, text);
        }
    }

    private static void replaceEncoder(OutputStreamAppender<ILoggingEvent> stream, Encoder<ILoggingEvent> encoder) {
        encoder.start();
        stream.stop();
        stream.setEncoder(encoder);
        stream.start();
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
