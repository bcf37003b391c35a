package dev.parley.server.store.jdbc;

import dev.parley.protocol.name.CaseMapping;
import dev.parley.server.store.MarkerUpdate;
import dev.parley.server.store.ReadMarkerStore;
import dev.parley.server.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Read markers in SQL, keyed by the casefolded account and target, times in epoch milliseconds.
 * An advance inserts the row if it is missing (ignoring a concurrent insert), then raises it with
 * a conditional UPDATE: each statement is atomic, so concurrent advances leave the latest time
 * without a transaction or a read-then-write race.
 */
public final class JdbcReadMarkerStore implements ReadMarkerStore {

    private static final String SELECT = "SELECT read_at FROM read_markers WHERE account = ? AND target = ?";
    private static final String RAISE =
            "UPDATE read_markers SET read_at = ? WHERE account = ? AND target = ? AND read_at < ?";

    private final DataSource dataSource;
    private final CaseMapping caseMapping;
    private final String insert;

    JdbcReadMarkerStore(DataSource dataSource, SqlDialect dialect, CaseMapping caseMapping) {
        this.dataSource = dataSource;
        this.caseMapping = caseMapping;
        this.insert = dialect.insertIgnoringDuplicates("read_markers", List.of("account", "target", "read_at"));
    }

    @Override
    public Optional<Instant> find(String account, String target) {
        try (Connection connection = dataSource.getConnection()) {
            return select(connection, caseMapping.fold(account), caseMapping.fold(target));
        } catch (SQLException e) {
            throw new StoreException("could not read the read marker of " + account + " on " + target, e);
        }
    }

    @Override
    public MarkerUpdate advance(String account, String target, Instant time) {
        String folded = caseMapping.fold(account);
        String key = caseMapping.fold(target);
        long millis = time.toEpochMilli();
        try (Connection connection = dataSource.getConnection()) {
            Optional<Instant> before = select(connection, folded, key);
            if (before.isPresent() && before.get().toEpochMilli() >= millis) {
                return new MarkerUpdate(before.get(), false);
            }
            if (before.isEmpty()) {
                insert(connection, folded, key, millis);
            }
            raise(connection, folded, key, millis);
            Instant after = select(connection, folded, key)
                    .orElseThrow(() -> new SQLException("the read marker vanished: was the account deleted?"));
            return new MarkerUpdate(after, after.toEpochMilli() == millis);
        } catch (SQLException e) {
            throw new StoreException("could not set the read marker of " + account + " on " + target, e);
        }
    }

    private static Optional<Instant> select(Connection connection, String account, String target) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(SELECT)) {
            statement.setString(1, account);
            statement.setString(2, target);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(Instant.ofEpochMilli(rows.getLong(1))) : Optional.empty();
            }
        }
    }

    private void insert(Connection connection, String account, String target, long millis) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(insert)) {
            statement.setString(1, account);
            statement.setString(2, target);
            statement.setLong(3, millis);
            statement.executeUpdate();
        }
    }

    private static void raise(Connection connection, String account, String target, long millis) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(RAISE)) {
            statement.setLong(1, millis);
            statement.setString(2, account);
            statement.setString(3, target);
            statement.setLong(4, millis);
            statement.executeUpdate();
        }
    }
}
