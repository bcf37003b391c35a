package dev.parley.server.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.name.CaseMapping;
import dev.parley.server.config.SearchConfig;
import dev.parley.server.it.TestServer;
import dev.parley.server.store.SearchQuery;
import dev.parley.server.store.StoreException;
import dev.parley.server.store.StoredMessage;
import dev.parley.testkit.Lines;
import dev.parley.testkit.RawIrcClient;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code history.search.language} on the PostgreSQL server: the words, and the index that serves them. */
class PostgresSearchLanguageIT {

    @TempDir
    Path dataDir;

    private ServerDatabase database;

    @BeforeEach
    void createDatabase() {
        database = ServerDatabase.create(ServerDatabase.Vendor.POSTGRESQL);
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        database.close();
    }

    @Test
    void englishFindsTheWordsFormsAndSimpleOnlyTheWordItself() throws Exception {
        try (JdbcStorage storage = open("english")) {
            storage.messages()
                    .appendAll(List.of(
                            said("m1", 1, "she runs every morning"),
                            said("m2", 2, "running late, sorry"),
                            said("m3", 3, "he ran home"),
                            said("m4", 4, "walking instead")));

            assertThat(idsFound(storage, "running")).containsExactly("m1", "m2"); // runs, running: 'run'
            assertThat(idsFound(storage, "RUNS")).containsExactly("m1", "m2");
            assertThat(fullTextIndexes()).containsExactly("messages_fts_english");
        }

        try (JdbcStorage storage = open("simple")) {
            assertThat(idsFound(storage, "running")).containsExactly("m2");
            assertThat(fullTextIndexes()).containsExactly("messages_fts_simple");
        }
    }

    @Test
    void aServerConfiguredForEnglishAnswersSearchWithTheWordsForms() {
        SearchConfig english = new SearchConfig(100, Duration.ofSeconds(5), 10, "english");
        try (TestServer server = TestServer.start(config -> config.withStorage(database.storage(dataDir, false))
                .withHistory(config.history().withSearch(english)))) {
            RawIrcClient alice = server.connect();
            alice.registerWithCaps("alice", "chat@123", "batch", "server-time", "message-tags", "soju.im/search");
            alice.join("#general");
            RawIrcClient bob = server.user("bob");
            bob.join("#general");
            bob.send("PRIVMSG #general :the tests ran green");
            bob.send("PRIVMSG #general :the build runs nightly");

            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() ->
                            assertThat(searchOver(alice, "text=running")).containsExactly("the build runs nightly"));
        }
    }

    @Test
    void theDefaultKeepsTheMigrationsIndexAndReopeningBuildsNothing() throws Exception {
        open("simple").close();
        long first = indexOid("messages_fulltext");
        open("simple").close();

        assertThat(fullTextIndexes()).containsExactly("messages_fulltext");
        assertThat(indexOid("messages_fulltext")).isEqualTo(first);
    }

    @Test
    void theSearchQueryCanUseTheIndexOfItsLanguage() throws Exception {
        open("german").close();

        assertThat(plan("german")).contains("messages_fts_german").doesNotContain("Seq Scan");
        assertThat(plan("simple")).contains("Seq Scan").doesNotContain("messages_fts_german");
    }

    @Test
    void aLanguageThePostgresqlServerDoesNotHaveStopsTheStartNamingTheKey() {
        assertThatThrownBy(() -> open("klingon"))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("history.search.language: 'klingon' is not a text search configuration")
                .hasMessageContaining("english")
                .hasMessageContaining("simple");
    }

    private static List<String> searchOver(RawIrcClient client, String attributes) {
        client.send("SEARCH " + attributes);
        return client
                .collectUntil(Lines.described(
                        "the end of the search batch",
                        m -> m.verb().equals("BATCH") && m.param(0).startsWith("-")))
                .stream()
                .filter(m -> m.verb().equals("PRIVMSG"))
                .map(IrcMessage::lastParam)
                .toList();
    }

    private JdbcStorage open(String language) {
        return JdbcStorage.open(database.storage(dataDir, false), CaseMapping.RFC1459, language);
    }

    private static List<String> idsFound(JdbcStorage storage, String words) {
        SearchQuery query = new SearchQuery(
                SearchQuery.Readable.all(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                SearchQuery.wordsOf(words),
                50,
                Duration.ofSeconds(5));
        return storage.messages().search(query).stream()
                .map(StoredMessage::msgid)
                .toList();
    }

    private static StoredMessage said(String msgid, long second, String text) {
        return new StoredMessage(
                msgid,
                Instant.ofEpochSecond(second),
                "#general",
                "#general",
                "alice",
                "alice!u@h",
                null,
                null,
                "PRIVMSG",
                text,
                Map.of());
    }

    private List<String> fullTextIndexes() throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT indexname FROM pg_indexes WHERE tablename = 'messages'"
                        + " AND indexdef LIKE '%to_tsvector%' ORDER BY indexname")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }

    private long indexOid(String name) throws SQLException {
        try (Connection connection = database.connect();
                PreparedStatement statement = connection.prepareStatement("SELECT ?::regclass::oid")) {
            statement.setString(1, name);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /**
     * The plan of the store's search condition in {@code language}, with sequential scans priced
     * out (a table this small is read whole otherwise): an index scan means the index fits.
     */
    private String plan(String language) throws SQLException {
        SqlDialect.WordsCondition condition =
                new PostgresDialect().searchingIn(language).wordsCondition(List.of("haus"));
        try (Connection connection = database.connect()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET enable_seqscan = off");
            }
            try (PreparedStatement explain =
                    connection.prepareStatement("EXPLAIN SELECT id FROM messages WHERE " + condition.sql())) {
                explain.setString(1, condition.parameter());
                List<String> lines = new ArrayList<>();
                try (ResultSet rows = explain.executeQuery()) {
                    while (rows.next()) {
                        lines.add(rows.getString(1));
                    }
                }
                return String.join("\n", lines);
            }
        }
    }
}
