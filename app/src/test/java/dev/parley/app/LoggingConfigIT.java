package dev.parley.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import dev.parley.server.config.LoggingConfig;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** {@code logging.format} and {@code logging.level} reach the console log. */
class LoggingConfigIT {

    @TempDir
    Path dataDir;

    private Process process;
    private final Logger parley = (Logger) LoggerFactory.getLogger("dev.parley");
    private final Level levelBefore = parley.getLevel();

    @AfterEach
    void stop() throws InterruptedException {
        parley.setLevel(levelBefore);
        if (process != null) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void formatJsonWritesOneJsonObjectPerLogLine() throws Exception {
        process = new ProcessBuilder(ParleyProcess.command(
                        "server",
                        "--listen",
                        "127.0.0.1:0",
                        "--set",
                        "http.listen=",
                        "--set",
                        "logging.format=json",
                        "--data-dir",
                        dataDir.toString()))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        BufferedReader err =
                new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
        List<String> seen = new ArrayList<>();
        String line = err.readLine();
        while (line != null && !line.contains("Listening on")) {
            seen.add(line);
            line = err.readLine();
        }
        assertThat(line).as("the listening line; before it: %s", seen).isNotNull();
        assertThat(line)
                .startsWith("{")
                .endsWith("}")
                .contains("\"level\":\"INFO\"")
                .contains("\"formattedMessage\":\"Listening on 127.0.0.1:");
        assertThat(seen)
                .filteredOn(l -> l.contains("starting; database"))
                .singleElement()
                .asString()
                .startsWith("{")
                .contains("\"loggerName\":\"dev.parley.app.ServerCommand\"");
    }

    @Test
    void aClusterNodesIdIsInEveryTextLineAndInJsonsContext() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        try {
            ConsoleLogging.apply(new LoggingConfig(LoggingConfig.Level.INFO, LoggingConfig.Format.TEXT), "node-7");
            assertThat(encoded(context)).contains("INFO ", "] node=node-7 ", "Example - room message");

            ConsoleLogging.apply(new LoggingConfig(LoggingConfig.Level.INFO, LoggingConfig.Format.JSON), "node-7");
            assertThat(encoded(context)).contains("\"node\":\"node-7\"", "room message");
        } finally {
            context.reset(); // back to logback.xml as it is written, for the other tests
            try {
                new ContextInitializer(context).autoConfig();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** A line as the console would write it now (an event takes the context's properties when made). */
    private static String encoded(LoggerContext context) {
        LoggingEvent event = new LoggingEvent(
                "test", context.getLogger("dev.parley.server.Example"), Level.INFO, "room message", null, null);
        return new String(consoleEncoder(context).encode(event), StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked") // the console appender of logback.xml is an OutputStreamAppender of events
    private static Encoder<ILoggingEvent> consoleEncoder(LoggerContext context) {
        OutputStreamAppender<ILoggingEvent> console = (OutputStreamAppender<ILoggingEvent>)
                context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("CONSOLE");
        return console.getEncoder();
    }

    @Test
    void levelSetsParleysOwnLoggers() {
        ConsoleLogging.apply(new LoggingConfig(LoggingConfig.Level.WARN, LoggingConfig.Format.TEXT));

        assertThat(LoggerFactory.getLogger("dev.parley.server.ParleyServer").isInfoEnabled())
                .isFalse();
        assertThat(LoggerFactory.getLogger("dev.parley.server.ParleyServer").isWarnEnabled())
                .isTrue();
    }
}
