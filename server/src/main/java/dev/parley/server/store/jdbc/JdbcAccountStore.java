package dev.parley.server.store.jdbc;

import dev.parley.protocol.name.CaseMapping;
import dev.parley.server.store.Account;
import dev.parley.server.store.AccountStore;
import dev.parley.server.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Accounts in SQL, keyed by the casefolded name. Creation relies on the primary key, not on a
 * read-then-write, so two registrations of one name at once cannot both succeed.
 */
public final class JdbcAccountStore implements AccountStore {

    private static final String SELECT = "SELECT name, password_hash, is_operator, created_at FROM accounts";

    private final DataSource dataSource;
    private final CaseMapping caseMapping;

    JdbcAccountStore(DataSource dataSource, CaseMapping caseMapping) {
        this.dataSource = dataSource;
        this.caseMapping = caseMapping;
    }

    @Override
    public Optional<Account> find(String name) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(SELECT + " WHERE folded_name = ?")) {
            statement.setString(1, caseMapping.fold(name));
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(account(rows)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("could not look up the account " + name, e);
        }
    }

    @Override
    public boolean create(Account account) {
        String sql =
                "INSERT INTO accounts (folded_name, name, password_hash, is_operator, created_at) VALUES (?, ?, ?, ?, ?)";
        try (Connection connection = dataSource.getConnection()) {
            if (exists(connection, account.name())) {
                return false;
            }
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setString(1, caseMapping.fold(account.name()));
                statement.setString(2, account.name());
                statement.setString(3, account.passwordHash());
                statement.setBoolean(4, account.operator());
                statement.setLong(5, account.createdAt().toEpochMilli());
                statement.executeUpdate();
                return true;
            } catch (SQLException e) {
                if (exists(connection, account.name())) {
                    return false; // lost a race with another registration of the same name
                }
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("could not create the account " + account.name(), e);
        }
    }

    private boolean exists(Connection connection, String name) throws SQLException {
        try (PreparedStatement statement =
                connection.prepareStatement("SELECT 1 FROM accounts WHERE folded_name = ?")) {
            statement.setString(1, caseMapping.fold(name));
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    @Override
    public boolean setPasswordHash(String name, String passwordHash) {
        return update(
                "UPDATE accounts SET password_hash = ? WHERE folded_name = ?",
                name,
                statement -> statement.setString(1, passwordHash));
    }

    @Override
    public boolean setOperator(String name, boolean operator) {
        return update(
                "UPDATE accounts SET is_operator = ? WHERE folded_name = ?",
                name,
                statement -> statement.setBoolean(1, operator));
    }

    @Override
    public boolean delete(String name) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement =
                        connection.prepareStatement("DELETE FROM accounts WHERE folded_name = ?")) {
            statement.setString(1, caseMapping.fold(name));
            return statement.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new StoreException("could not delete the account " + name, e);
        }
    }

    @Override
    public List<Account> list() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(SELECT + " ORDER BY folded_name");
                ResultSet rows = statement.executeQuery()) {
            List<Account> accounts = new ArrayList<>();
            while (rows.next()) {
                accounts.add(account(rows));
            }
            return accounts;
        } catch (SQLException e) {
            throw new StoreException("could not list the accounts", e);
        }
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private boolean update(String sql, String name, Binder firstParameter) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            firstParameter.bind(statement);
            statement.setString(2, caseMapping.fold(name));
            return statement.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new StoreException("could not update the account " + name, e);
        }
    }

    private static Account account(ResultSet rows) throws SQLException {
        return new Account(
                rows.getString(1), rows.getString(2), rows.getBoolean(3), Instant.ofEpochMilli(rows.getLong(4)));
    }
}
