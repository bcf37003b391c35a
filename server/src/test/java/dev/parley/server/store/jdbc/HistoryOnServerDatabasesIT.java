package dev.parley.server.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.IrcMessage;
import dev.parley.server.config.StorageConfig;
import dev.parley.server.it.TestServer;
import dev.parley.testkit.Lines;
import dev.parley.testkit.RawIrcClient;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The whole server on MariaDB (through both URL schemes) and PostgreSQL: messages sent in a room
 * come back through CHATHISTORY after a restart, and the seed's columns hold them.
 */
class HistoryOnServerDatabasesIT {

    @TempDir
    Path dataDir;

    @ParameterizedTest(name = "{0}, mysql scheme {1}")
    @CsvSource({"MARIADB, false", "MARIADB, true", "POSTGRESQL, false"})
    void historySurvivesARestartAndFillsTheSeedsColumns(ServerDatabase.Vendor vendor, boolean mysqlScheme)
            throws Exception {
        try (ServerDatabase database = ServerDatabase.create(vendor)) {
            StorageConfig storage = database.storage(dataDir, mysqlScheme);
            try (TestServer server = TestServer.start(config -> config.withStorage(storage))) {
                RawIrcClient alice = server.connect();
                alice.registerWithCaps("alice", "chat@123", "echo-message");
                alice.join("#general");
                alice.send("PRIVMSG #general :stored on " + vendor + " 🎉");
                alice.send("PRIVMSG #general :second line");
                // the server has taken both once they are echoed; only then is the restart fair
                alice.expect(Lines.privmsgFrom("alice", "#general", "second line"));

                server.restart();

                RawIrcClient bob = server.connect();
                bob.registerWithCaps("bob", "chat@123", "batch", "server-time", "message-tags", "draft/chathistory");
                bob.join("#general");
                bob.send("CHATHISTORY LATEST #general * 10");
                List<IrcMessage> replay = bob.collectUntil(Lines.described(
                        "end of the batch",
                        m -> m.verb().equals("BATCH") && m.param(0).startsWith("-")));
                assertThat(replay)
                        .filteredOn(m -> m.verb().equals("PRIVMSG"))
                        .extracting(IrcMessage::lastParam)
                        .containsExactly("stored on " + vendor + " 🎉", "second line");
            }
            try (Connection connection = database.connect();
                    Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery(
                            "SELECT room_id, nickname, message, timestamp FROM messages ORDER BY id")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString("room_id")).isEqualTo("general");
                assertThat(rows.getString("nickname")).isEqualTo("alice");
                assertThat(rows.getString("message")).isEqualTo("stored on " + vendor + " 🎉");
                assertThat(rows.getTimestamp("timestamp")).isNotNull();
            }
        }
    }
}
