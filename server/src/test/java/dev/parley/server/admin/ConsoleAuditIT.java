package dev.parley.server.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.parley.server.it.TestServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Every console action is in the {@code audit} log with who did it from where, and no password is. */
class ConsoleAuditIT {

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
    void loginsBansKillsKicksAccountChangesAndRehashAreAuditedWithoutPasswords() {
        try (TestServer server = TestServer.start(AdminApiIT.WITH_HTTP)) {
            server.user("bob");
            server.user("carol").join("#general");
            server.user("dave").join("#general");
            AdminApiIT.console(server).logIn("admin", "not-the-password");
            ConsoleClient console = AdminApiIT.console(server);
            console.logIn("admin", "admin123");

            console.post("/admin/api/bans", "target", "bob", "reason", "spamming links");
            console.post("/admin/api/users/carol/kill", "reason", "flooding");
            console.post("/admin/api/users/dave/kick", "room", "#general", "reason", "calm down");
            console.post("/admin/api/accounts", "name", "erin", "password", "erin-secret-1");
            console.post("/admin/api/rehash");
            console.post("/admin/api/logout");

            await().atMost(Duration.ofSeconds(10)).until(() -> messages().size() >= 8);
            String who = "admin console: admin from 127.0.0.1";
            assertThat(messages())
                    .anySatisfy(m -> assertThat(m).contains("failed login as admin from 127.0.0.1"))
                    .anySatisfy(m -> assertThat(m).isEqualTo(who + " logged in"))
                    .anySatisfy(m ->
                            assertThat(m).startsWith(who + " banned bob!*@*").contains("spamming links"))
                    .anySatisfy(m -> assertThat(m).isEqualTo(who + " killed carol: flooding"))
                    .anySatisfy(m -> assertThat(m).isEqualTo(who + " kicked dave from #general: calm down"))
                    .anySatisfy(m -> assertThat(m).isEqualTo(who + " created account erin"))
                    .anySatisfy(m -> assertThat(m).isEqualTo(who + " asked for REHASH"))
                    .anySatisfy(m -> assertThat(m).isEqualTo(who + " logged out"))
                    .noneSatisfy(m -> assertThat(m).containsAnyOf("admin123", "not-the-password", "erin-secret-1"));
        }
    }

    private List<String> messages() {
        synchronized (audit.list) {
            return audit.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        }
    }
}
