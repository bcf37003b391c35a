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
 * Collects what the server logs that means a bug: any ERROR, and any WARN with a stack trace (an
 * exception that reached a pipeline's end). Attached to the root logger while a test runs.
 */
final class ErrorLogWatch extends AppenderBase<ILoggingEvent> implements AutoCloseable {

    private final List<String> problems = new CopyOnWriteArrayList<>();

    private ErrorLogWatch() {}

    /** A watch already listening; close it to detach. */
    static ErrorLogWatch attach() {
        ErrorLogWatch watch = new ErrorLogWatch();
        watch.setName("error-log-watch");
        Logger root = root();
        watch.setContext(root.getLoggerContext());
        watch.start();
        root.addAppender(watch);
        return watch;
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    @Override
    protected void append(ILoggingEvent event) {
        boolean error = event.getLevel().isGreaterOrEqual(Level.ERROR);
        boolean warnWithTrace = event.getLevel() == Level.WARN && event.getThrowableProxy() != null;
        if (error || warnWithTrace) {
            String trace = event.getThrowableProxy() == null
                    ? ""
                    : "\n" + ThrowableProxyUtil.asString(event.getThrowableProxy());
            problems.add(event.getLevel() + " [" + event.getThreadName() + "] " + event.getLoggerName() + " - "
                    + event.getFormattedMessage() + trace);
        }
    }

    /** Everything logged so far that means a bug, oldest first. */
    List<String> problems() {
        return List.copyOf(problems);
    }

    @Override
    public void close() {
        root().detachAppender(this);
        stop();
    }
}
