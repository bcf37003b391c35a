package dev.parley.server.store.jdbc;

import dev.parley.protocol.name.CaseMapping;
import dev.parley.server.store.Ban;
import dev.parley.server.store.BanStore;
import dev.parley.server.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Server bans in SQL, keyed by the casefolded mask so one ban cannot be stored twice in different
 * case, with the banned user's account and guest address beside the mask. Listed oldest first.
 */
public final class JdbcBanStore implements BanStore {

    private static final List<String> COLUMNS =
            List.of("folded_mask", "mask", "reason", "set_by", "created_at", "account", "address");

    private final DataSource dataSource;
    private final CaseMapping caseMapping;
    private final String upsert;

    JdbcBanStore(DataSource dataSource, SqlDialect dialect, CaseMapping caseMapping) {
        this.dataSource = dataSource;
        this.caseMapping = caseMapping;
        this.upsert = dialect.upsert("bans", COLUMNS, "folded_mask");
    }

    @Override
    public List<Ban> list() {
        String sql =
                "SELECT mask, account, address, reason, set_by, created_at FROM bans ORDER BY created_at, folded_mask";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rows = statement.executeQuery()) {
            List<Ban> bans = new ArrayList<>();
            while (rows.next()) {
                bans.add(new Ban(
                        rows.getString(1),
                        rows.getString(2),
                        rows.getString(3),
                        rows.getString(4),
                        rows.getString(5),
                        Instant.ofEpochMilli(rows.getLong(6))));
            }
            return bans;
        } catch (SQLException e) {
            throw new StoreException("could not list bans", e);
        }
    }

    @Override
    public void put(Ban ban) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(upsert)) {
            statement.setString(1, caseMapping.fold(ban.mask()));
            statement.setString(2, ban.mask());
            statement.setString(3, ban.reason() == null ? "" : ban.reason());
            statement.setString(4, ban.setBy() == null ? "" : ban.setBy());
            statement.setLong(5, ban.createdAt().toEpochMilli());
            statement.setString(6, ban.account());
            statement.setString(7, ban.address());
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("could not store the ban on " + ban.mask(), e);
        }
    }

    @Override
    public boolean remove(String mask) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("DELETE FROM bans WHERE folded_mask = ?")) {
            statement.setString(1, caseMapping.fold(mask));
            return statement.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new StoreException("could not remove the ban on " + mask, e);
        }
    }
}
