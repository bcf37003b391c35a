package dev.parley.server.store.jdbc;

import static dev.parley.server.store.Messages.directMessage;
import static dev.parley.server.store.Messages.roomMessage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.store.MessageStore;
import dev.parley.server.store.MessageStoreContract;
import dev.parley.server.store.StoredMessage;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdbcMessageStoreIT extends MessageStoreContract {

    @TempDir
    Path dataDir;

    private JdbcStorage storage;

    @Override
    protected MessageStore newStore() {
        storage = JdbcStorage.open(SqliteStorage.in(dataDir));
        return storage.messages();
    }

    @Override
    protected void closeStore() {
        storage.close();
    }

    @Test
    void messagesSurviveARestart() {
        StoredMessage sent = roomMessage("kept", 1, "#general");
        store.appendAll(List.of(sent));
        storage.close();

        storage = JdbcStorage.open(SqliteStorage.in(dataDir));

        assertThat(storage.messages().latest("#general", Optional.empty(), 10)).containsExactly(sent);
        store = storage.messages();
    }

    @Test
    void theSeedsColumnsAreFilled() throws Exception {
        store.appendAll(List.of(roomMessage("r", 1, "#general"), directMessage("d", 2, "alice", "bob")));

        List<String> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(SqliteStorage.url(dataDir));
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(
                        "SELECT id, room_id, nickname, message, timestamp FROM messages ORDER BY id")) {
            while (result.next()) {
                rows.add(result.getLong(1) + "|" + result.getString(2) + "|" + result.getString(3) + "|"
                        + result.getString(4) + "|" + result.getString(5));
            }
        }

        assertThat(rows)
                .containsExactly(
                        "1|general|alice|text of r|2024-05-01 12:00:00", "2|null|alice|text of d|2024-05-01 12:00:00");
    }
}
