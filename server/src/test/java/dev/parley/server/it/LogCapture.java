package dev.parley.server.it;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.LoggerFactory;

/**
 * Everything logged in this JVM (at the configured levels) while it is open, as text: for tests
 * that assert what the server logs or that it logs no error. Thread-safe: servers log from their
 * event loops.
 */
public final class LogCapture extends AppenderBase<ILoggingEvent> implements AutoCloseable {

    /** One logged event: level, logger, the formatted message and the stack trace, if any. */
    public record Line(Level level, String logger, String message, String stackTrace) {

        /** The whole event as one text, for searching. */
        public String text() {
            return level + " " + logger + " " + message + (stackTrace.isEmpty() ? "" : "\n" + stackTrace);
        }
    }

    private final List<Line> lines = new CopyOnWriteArrayList<>();

    private LogCapture() {}

    /** Starts capturing from the root logger. */
    public static LogCapture begin() {
        LogCapture capture = new LogCapture();
        capture.setName("test-capture");
        capture.setContext((ch.qos.logback.classic.LoggerContext) LoggerFactory.getILoggerFactory());
        capture.start();
        root().addAppender(capture);
        return capture;
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    @Override
    protected void append(ILoggingEvent event) {
        String stack = event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy());
        lines.add(new Line(event.getLevel(), event.getLoggerName(), event.getFormattedMessage(), stack));
    }

    public List<Line> lines() {
        return List.copyOf(lines);
    }

    /** Whether any line so far matches. */
    public boolean anyMatch(java.util.function.Predicate<Line> what) {
        return lines.stream().anyMatch(what);
    }

    /** The lines containing {@code text}, in the message or the stack trace. */
    public List<Line> containing(String text) {
        return lines.stream().filter(line -> line.text().contains(text)).toList();
    }

    @Override
    public void close() {
        root().detachAppender(this);
        stop();
    }
}
