package dev.parley.server.history;

import static dev.parley.server.store.Messages.at;
import static dev.parley.server.store.Messages.roomMessage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.config.HistoryConfig;
import dev.parley.server.store.StoredMessage;
import dev.parley.server.store.jdbc.JdbcStorage;
import dev.parley.server.store.jdbc.SqliteStorage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Retention on a real SQLite store, with more messages than one delete batch. */
class RetentionIT {

    @TempDir
    Path dataDir;

    private static HistoryConfig retaining(Duration maxAge, int maxMessages) {
        return new HistoryConfig(
                true,
                Duration.ofMillis(100),
                500,
                1000,
                1000,
                50,
                HistoryConfig.Durability.INTERVAL,
                1L << 20,
                maxAge,
                maxMessages,
                Duration.ofMinutes(1));
    }

    @Test
    void messagesOlderThanTheMaximumAgeAreDeletedWhateverTheirNumber() {
        try (JdbcStorage storage = JdbcStorage.open(SqliteStorage.in(dataDir))) {
            List<StoredMessage> old = IntStream.range(0, 2500)
                    .mapToObj(i -> roomMessage("old" + i, i, "#general"))
                    .toList();
            storage.messages().appendAll(old);
            storage.messages().appendAll(List.of(roomMessage("new", 10_000, "#general")));
            Clock now = Clock.fixed(at(10_500), ZoneOffset.UTC);

            long deleted = new Retention(storage.messages(), retaining(Duration.ofSeconds(1), 0), now).runOnce();

            assertThat(deleted).isEqualTo(2500);
            assertThat(storage.messages().latest("#general", Optional.empty(), 10))
                    .extracting(StoredMessage::msgid)
                    .containsExactly("new");
        }
    }

    @Test
    void eachConversationKeepsItsNewestMessages() {
        try (JdbcStorage storage = JdbcStorage.open(SqliteStorage.in(dataDir))) {
            storage.messages()
                    .appendAll(IntStream.range(0, 1500)
                            .mapToObj(i -> roomMessage("g" + i, i, "#general"))
                            .toList());
            storage.messages()
                    .appendAll(IntStream.range(0, 3)
                            .mapToObj(i -> roomMessage("q" + i, i, "#quiet"))
                            .toList());

            long deleted = new Retention(storage.messages(), retaining(Duration.ZERO, 5), Clock.systemUTC()).runOnce();

            assertThat(deleted).isEqualTo(1495);
            assertThat(storage.messages().latest("#general", Optional.empty(), 10))
                    .extracting(StoredMessage::msgid)
                    .containsExactly("g1495", "g1496", "g1497", "g1498", "g1499");
            assertThat(storage.messages().latest("#quiet", Optional.empty(), 10))
                    .hasSize(3);
        }
    }
}
