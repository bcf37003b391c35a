package dev.parley.server.store.jdbc;

import dev.parley.server.store.PresenceStore;
import dev.parley.server.store.StoreException;
import dev.parley.server.store.StoredPresence;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Always-on presences in {@code presences} (the rooms as one space-separated column: a room name
 * holds no space) and accounts' choices in {@code always_on_choices}. A put deletes and inserts in
 * one transaction; the same statements serve every vendor.
 */
public final class JdbcPresenceStore implements PresenceStore {

    private final DataSource dataSource;

    JdbcPresenceStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public List<StoredPresence> list() {
        String sql = "SELECT account_key, account, nick, realname, rooms FROM presences ORDER BY account_key";
        List<StoredPresence> found = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                String rooms = rows.getString(5);
                found.add(new StoredPresence(
                        rows.getString(1),
                        rows.getString(2),
                        rows.getString(3),
                        rows.getString(4),
                        rooms.isEmpty() ? List.of() : Arrays.asList(rooms.split(" "))));
            }
            return found;
        } catch (SQLException e) {
            throw new StoreException("could not list the always-on presences", e);
        }
    }

    @Override
    public void put(StoredPresence presence) {
        String insert = "INSERT INTO presences (account_key, account, nick, realname, rooms) VALUES (?, ?, ?, ?, ?)";
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement(insert)) {
                delete(connection, "presences", presence.accountKey());
                statement.setString(1, presence.accountKey());
                statement.setString(2, presence.account());
                statement.setString(3, presence.nick());
                statement.setString(4, presence.realname());
                statement.setString(5, String.join(" ", presence.rooms()));
                statement.executeUpdate();
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("could not keep the presence of " + presence.account(), e);
        }
    }

    @Override
    public boolean remove(String accountKey) {
        try (Connection connection = dataSource.getConnection()) {
            return delete(connection, "presences", accountKey) > 0;
        } catch (SQLException e) {
            throw new StoreException("could not forget the presence of " + accountKey, e);
        }
    }

    private static int delete(Connection connection, String table, String accountKey) throws SQLException {
        try (PreparedStatement statement =
                connection.prepareStatement("DELETE FROM " + table + " WHERE account_key = ?")) {
            statement.setString(1, accountKey);
            return statement.executeUpdate();
        }
    }

    @Override
    public Map<String, Boolean> choices() {
        String sql = "SELECT account_key, always_on FROM always_on_choices";
        Map<String, Boolean> found = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                found.put(rows.getString(1), rows.getInt(2) != 0);
            }
            return found;
        } catch (SQLException e) {
            throw new StoreException("could not read the always-on choices", e);
        }
    }

    @Override
    public void choose(String accountKey, Boolean alwaysOn) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                delete(connection, "always_on_choices", accountKey);
                if (alwaysOn != null) {
                    insertChoice(connection, accountKey, alwaysOn);
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("could not record the always-on choice of " + accountKey, e);
        }
    }

    private static void insertChoice(Connection connection, String accountKey, boolean alwaysOn) throws SQLException {
        String sql = "INSERT INTO always_on_choices (account_key, always_on) VALUES (?, ?)";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, accountKey);
            statement.setInt(2, alwaysOn ? 1 : 0);
            statement.executeUpdate();
        }
    }
}
