package dev.parley.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.parley.testkit.RawIrcClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Operator actions go to the {@code audit} logger, which an operator can route to a file of its own. */
class AuditLogIT {

    private final ListAppender<ILoggingEvent> audit = new ListAppender<>();
    private final Logger auditLogger = (Logger) LoggerFactory.getLogger("audit");

    @BeforeEach
    void listen() {
        audit.start();
        auditLogger.addAppender(audit);
    }

    @AfterEach
    void stopListening() {
        auditLogger.detachAppender(audit);
    }

    @Test
    void banKillAndRehashAreAudited() {
        try (TestServer server = TestServer.start()) {
            server.user("bob");
            server.user("carol");
            RawIrcClient admin = server.admin();

            admin.send("BAN bob :spamming links");
            admin.send("KILL carol :flooding");
            admin.send("REHASH");

            await().atMost(Duration.ofSeconds(10)).until(() -> messages().size() >= 3);
            assertThat(messages())
                    .anySatisfy(m -> assertThat(m).contains("banned", "bob", "spamming links"))
                    .anySatisfy(m -> assertThat(m).contains("killed carol", "flooding"))
                    .anySatisfy(m -> assertThat(m).contains("REHASH"));
        }
    }

    private List<String> messages() {
        synchronized (audit.list) {
            return audit.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        }
    }
}
