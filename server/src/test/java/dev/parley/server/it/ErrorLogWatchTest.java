package dev.parley.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The fuzz test relies on the watch seeing what the server logs, and only what means a bug. */
class ErrorLogWatchTest {

    private static final Logger log = LoggerFactory.getLogger("dev.parley.server.transport.ConnectionHandler");

    @Test
    void errorsAndWarningsWithAStackTraceAreCollectedOthersAreNot() {
        try (ErrorLogWatch watch = ErrorLogWatch.attach()) {
            log.info("c1 connected");
            log.warn("c1 slow reader");
            log.warn("c1 pipeline error", new IllegalStateException("boom"));
            log.error("c1 history query failed");

            assertThat(watch.problems()).hasSize(2);
            assertThat(watch.problems().get(0)).contains("pipeline error", "IllegalStateException: boom");
            assertThat(watch.problems().get(1)).startsWith("ERROR").contains("history query failed");
        }
    }
}
