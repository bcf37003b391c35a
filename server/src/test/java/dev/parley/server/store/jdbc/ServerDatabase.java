package dev.parley.server.store.jdbc;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import dev.parley.server.config.StorageConfig;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * A fresh database of its own on one of the servers running on this machine (MariaDB on 3306,
 * PostgreSQL on 5432), created for a test and dropped after it. When the server is unreachable the
 * test is skipped with how to run it, except in CI ({@code CI_REQUIRE_SERVICES=1}), where it fails.
 */
final class ServerDatabase implements AutoCloseable {

    /** A database server this machine runs, and how to reach it as its administrator. */
    enum Vendor {
        MARIADB("jdbc:mariadb://127.0.0.1:3306/", "test", "root", "MariaDB on 127.0.0.1:3306 (user root, no password)"),
        POSTGRESQL(
                "jdbc:postgresql://127.0.0.1:5432/",
                "postgres",
                "postgres",
                "PostgreSQL on 127.0.0.1:5432 (user postgres, trust authentication)");

        final String baseUrl;
        final String adminDatabase;
        final String user;
        final String description;

        Vendor(String baseUrl, String adminDatabase, String user, String description) {
            this.baseUrl = baseUrl;
            this.adminDatabase = adminDatabase;
            this.user = user;
            this.description = description;
        }
    }

    private final Vendor vendor;
    private final String name;

    private ServerDatabase(Vendor vendor, String name) {
        this.vendor = vendor;
        this.name = name;
    }

    /** Creates an empty database on the vendor's server, or skips/fails the test when it is down. */
    static ServerDatabase create(Vendor vendor) {
        String name =
                "parley_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection admin = adminConnection(vendor);
                Statement statement = admin.createStatement()) {
            statement.execute(
                    vendor == Vendor.MARIADB
                            ? "CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin"
                            : "CREATE DATABASE " + name + " ENCODING 'UTF8'");
        } catch (SQLException e) {
            unavailable(vendor, e);
        }
        return new ServerDatabase(vendor, name);
    }

    private static Connection adminConnection(Vendor vendor) throws SQLException {
        DriverManager.setLoginTimeout(3);
        return DriverManager.getConnection(vendor.baseUrl + vendor.adminDatabase, vendor.user, "");
    }

    private static void unavailable(Vendor vendor, SQLException cause) {
        String message = vendor.description + " is not reachable (" + cause.getMessage() + ")";
        if ("1".equals(System.getenv("CI_REQUIRE_SERVICES"))) {
            fail(message + "; CI requires it", cause);
        }
        abort(message + ": start it to run this test (the storage contract runs on SQLite regardless)");
    }

    /** The URL of this database; {@code jdbc:mysql:} instead of {@code jdbc:mariadb:} when asked. */
    String url(boolean mysqlScheme) {
        String url = vendor.baseUrl + name;
        return mysqlScheme ? url.replace("jdbc:mariadb:", "jdbc:mysql:") : url;
    }

    StorageConfig storage(Path dataDir, boolean mysqlScheme) {
        return new StorageConfig(dataDir, Optional.of(url(mysqlScheme)), Optional.of(vendor.user), Optional.empty(), 4);
    }

    /** Settings that reach this database through a proxy listening on {@code port} on this machine. */
    StorageConfig storageThroughPort(Path dataDir, int port) {
        String url = url(false).replaceFirst(":\\d+/", ":" + port + "/");
        return new StorageConfig(dataDir, Optional.of(url), Optional.of(vendor.user), Optional.empty(), 4);
    }

    /** As {@link #storageThroughPort}, with the given connect and query timeouts. */
    StorageConfig storageThroughPort(Path dataDir, int port, Duration connectTimeout, Duration queryTimeout) {
        StorageConfig through = storageThroughPort(dataDir, port);
        return new StorageConfig(
                dataDir,
                through.databaseUrl(),
                through.databaseUser(),
                through.databasePassword(),
                through.poolSize(),
                connectTimeout,
                queryTimeout);
    }

    /** The port the vendor's server listens on, on this machine. */
    int port() {
        return vendor == Vendor.MARIADB ? 3306 : 5432;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(vendor.baseUrl + name, vendor.user, "");
    }

    @Override
    public void close() throws SQLException {
        try (Connection admin = adminConnection(vendor);
                Statement statement = admin.createStatement()) {
            statement.execute(
                    vendor == Vendor.MARIADB
                            ? "DROP DATABASE IF EXISTS " + name
                            : "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    @Override
    public String toString() {
        return vendor.name().toLowerCase(Locale.ROOT) + "/" + name;
    }
}
