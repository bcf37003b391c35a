package dev.parley.server.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.protocol.IrcMessage;
import dev.parley.server.it.TestServer;
import dev.parley.testkit.Lines;
import dev.parley.testkit.RawIrcClient;
import dev.parley.testkit.TcpProxy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Read markers while the database is away, through a proxy the test cuts: a logged-in client's
 * MARKREAD is answered with FAIL INTERNAL_ERROR, its JOIN still joins (with the FAIL in place of
 * the marker), and once the database is back the markers work again.
 */
class ReadMarkerOutageIT {

    private static final String PASSWORD = "correct-horse-battery";
    private static final String TIME = "timestamp=2021-05-20T08:30:00.000Z";

    @TempDir
    Path dataDir;

    @Test
    void withoutTheDatabaseMarkreadFailsAndJoinStillJoins() throws Exception {
        try (ServerDatabase database = ServerDatabase.create(ServerDatabase.Vendor.POSTGRESQL);
                TcpProxy proxy = new TcpProxy("127.0.0.1", 5432);
                TestServer server = TestServer.startIn(
                        dataDir, c -> c.withStorage(database.storageThroughPort(dataDir, proxy.port())))) {
            RawIrcClient signup = server.user("alys");
            signup.send("REGISTER * * :" + PASSWORD);
            signup.expectCommand("REGISTER");
            signup.send("QUIT");
            signup.awaitClosed(Duration.ofSeconds(5));
            // The pool waits 3 s for a connection before it gives up.
            RawIrcClient alys = server.connect().withTimeout(Duration.ofSeconds(15));
            alys.registerWithCaps("alys", PASSWORD, "draft/read-marker");

            proxy.cut();
            alys.send("MARKREAD #room " + TIME);
            alys.expect(Lines.commandWithParams("FAIL", "MARKREAD", "INTERNAL_ERROR", "#room"));
            List<IrcMessage> join = alys.join("#room");
            assertThat(join).anyMatch(Lines.commandWithParams("FAIL", "MARKREAD", "INTERNAL_ERROR", "#room"));
            assertThat(join).noneMatch(Lines.command("MARKREAD"));

            proxy.restore();
            // A pooled connection broken by the cut may still be handed out once: markers work again
            // within a few tries, not necessarily at the first.
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                alys.send("MARKREAD #room " + TIME);
                IrcMessage answer = alys.expect(
                        Lines.anyOf(Lines.command("MARKREAD"), Lines.commandWithParams("FAIL", "MARKREAD")));
                assertThat(answer.command()).isEqualTo("MARKREAD");
                assertThat(answer.params()).containsExactly("#room", TIME);
            });
        }
    }
}
