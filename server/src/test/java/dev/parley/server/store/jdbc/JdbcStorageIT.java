package dev.parley.server.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.server.config.StorageConfig;
import java.nio.file.Files;
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

class JdbcStorageIT {

    @TempDir
    Path tempDir;

    @Test
    void openingAnEmptyDirectoryCreatesTheDatabaseAndItsSchema() throws Exception {
        Path dataDir = tempDir.resolve("not/yet/there");

        try (JdbcStorage storage = JdbcStorage.open(SqliteStorage.in(dataDir))) {
            assertThat(storage.messages().count()).isZero();
        }

        assertThat(dataDir.resolve("parley.db")).exists();
        assertThat(query(dataDir, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"))
                .contains("messages", "bans", "flyway_schema_history");
        assertThat(query(dataDir, "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'messages'"))
                .contains("messages_by_conversation", "messages_by_dm_low", "messages_by_dm_high");
    }

    @Test
    void reopeningMigratesNothingTwice() throws Exception {
        JdbcStorage.open(SqliteStorage.in(tempDir)).close();
        JdbcStorage.open(SqliteStorage.in(tempDir)).close();

        assertThat(query(tempDir, "SELECT version FROM flyway_schema_history WHERE version IS NOT NULL"))
                .doesNotHaveDuplicates()
                .contains("1", "2", "3", "4", "5", "6", "7", "8");
    }

    @Test
    void theIndexesOfPrivateConversationsLeaveRoomMessagesOut() throws Exception {
        JdbcStorage.open(SqliteStorage.in(tempDir)).close();

        assertThat(query(tempDir, "SELECT sql FROM sqlite_master WHERE name LIKE 'messages_by_dm_%' ORDER BY name"))
                .containsExactly(
                        "CREATE INDEX messages_by_dm_high ON messages (dm_high, time_ms) WHERE dm_high IS NOT NULL",
                        "CREATE INDEX messages_by_dm_low ON messages (dm_low, time_ms) WHERE dm_low IS NOT NULL");
    }

    @Test
    void theDatabaseRunsInWalModeSoReadersDoNotWaitForTheWriter() throws Exception {
        JdbcStorage.open(SqliteStorage.in(tempDir)).close();

        assertThat(query(tempDir, "PRAGMA journal_mode")).containsExactly("wal");
    }

    @Test
    void aNicksConversationsAreFoundThroughIndexes() throws Exception {
        JdbcStorage.open(SqliteStorage.in(tempDir)).close();

        List<String> plan = query(
                tempDir,
                "EXPLAIN QUERY PLAN SELECT id FROM messages WHERE time_ms > 0 AND "
                        + "time_ms < 9 AND (history_key IN ('#a') OR dm_low = 'x' OR dm_high = 'x')",
                4);

        assertThat(String.join("\n", plan))
                .contains("messages_by_dm_low", "messages_by_dm_high")
                .doesNotContain("SCAN messages");
    }

    @Test
    void anUnsupportedDatabaseIsRefusedWithTheSupportedOnes() {
        StorageConfig oracle =
                new StorageConfig(tempDir, Optional.of("jdbc:oracle:thin:@x"), Optional.empty(), Optional.empty(), 2);

        assertThatThrownBy(() -> JdbcStorage.open(oracle))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jdbc:sqlite:");
        assertThat(Files.exists(tempDir.resolve("parley.db"))).isFalse();
    }

    private static List<String> query(Path dataDir, String sql) throws Exception {
        return query(dataDir, sql, 1);
    }

    private static List<String> query(Path dataDir, String sql, int column) throws Exception {
        List<String> values = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(SqliteStorage.url(dataDir));
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(column));
            }
        }
        return values;
    }
}
