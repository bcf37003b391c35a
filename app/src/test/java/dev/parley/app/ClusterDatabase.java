package dev.parley.app;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A fresh database of the test's own on this machine's MariaDB or PostgreSQL, dropped afterwards,
 * and what the cluster process tests ask of it. A missing database skips the test with how to run
 * it, except in CI ({@code CI_REQUIRE_SERVICES=1}), where it fails.
 */
final class ClusterDatabase implements AutoCloseable {

    enum Vendor {
        MARIADB("mariadb", 3306, "test", "root"),
        POSTGRESQL("postgresql", 5432, "postgres", "postgres");

        static final String HOST = "127.0.0.1";

        final String scheme;
        final int port;
        final String baseUrl;
        final String adminDatabase;
        final String user;

        Vendor(String scheme, int port, String adminDatabase, String user) {
            this.scheme = scheme;
            this.port = port;
            this.baseUrl = urlOn(scheme, port);
            this.adminDatabase = adminDatabase;
            this.user = user;
        }

        private static String urlOn(String scheme, int port) {
            return "jdbc:" + scheme + "://" + HOST + ":" + port + "/";
        }
    }

    /** One stored row of a room's history: its text, msgid and room position (0 when NULL). */
    record StoredRow(String text, String msgid, long position) {}

    private final Vendor vendor;
    private final String name;

    private ClusterDatabase(Vendor vendor, String name) {
        this.vendor = vendor;
        this.name = name;
    }

    static ClusterDatabase create(Vendor vendor) {
        String name =
                "parley_procs_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection admin = admin(vendor);
                Statement statement = admin.createStatement()) {
            statement.execute(
                    vendor == Vendor.MARIADB
                            ? "CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin"
                            : "CREATE DATABASE " + name + " ENCODING 'UTF8'");
        } catch (SQLException e) {
            unavailable(vendor + " on 127.0.0.1", e);
        }
        return new ClusterDatabase(vendor, name);
    }

    /** Fails the test in CI, skips it elsewhere, saying what is missing. */
    static void unavailable(String service, Exception cause) {
        String message = service + " is not reachable (" + cause.getMessage() + ")";
        if ("1".equals(System.getenv("CI_REQUIRE_SERVICES"))) {
            fail(message + "; CI requires it", cause);
        }
        abort(message + ": start it to run the cluster process tests");
    }

    private static Connection admin(Vendor vendor) throws SQLException {
        DriverManager.setLoginTimeout(3);
        return DriverManager.getConnection(vendor.baseUrl + vendor.adminDatabase, vendor.user, "");
    }

    String url() {
        return vendor.baseUrl + name;
    }

    /** The URL of this database reached through another port on this machine (a test's proxy). */
    String urlThroughPort(int port) {
        return Vendor.urlOn(vendor.scheme, port) + name;
    }

    Vendor vendor() {
        return vendor;
    }

    String user() {
        return vendor.user;
    }

    /** The texts stored for a room or conversation, in the order history reads them; fails on a msgid stored twice. */
    List<String> storedTexts(String historyKey) throws SQLException {
        return storedRows(historyKey).stream().map(StoredRow::text).toList();
    }

    /** The rows stored for a room or conversation, in the order history reads them; fails on a msgid stored twice. */
    List<StoredRow> storedRows(String historyKey) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url(), vendor.user, "");
                PreparedStatement select = connection.prepareStatement(
                        "SELECT message, msgid, position FROM messages WHERE history_key = ? ORDER BY time_ms, id")) {
            select.setString(1, historyKey);
            List<StoredRow> stored = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    stored.add(new StoredRow(rows.getString(1), rows.getString(2), rows.getLong(3)));
                }
            }
            List<String> msgids = stored.stream().map(StoredRow::msgid).toList();
            if (msgids.stream().distinct().count() != msgids.size()) {
                throw new AssertionError("a msgid is stored twice in " + historyKey + ": " + msgids);
            }
            return stored;
        }
    }

    @Override
    public void close() throws SQLException {
        try (Connection admin = admin(vendor);
                Statement statement = admin.createStatement()) {
            statement.execute(
                    vendor == Vendor.MARIADB
                            ? "DROP DATABASE IF EXISTS " + name
                            : "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }
}
