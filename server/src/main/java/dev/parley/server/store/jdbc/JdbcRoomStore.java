package dev.parley.server.store.jdbc;

import dev.parley.server.store.RoomStore;
import dev.parley.server.store.StoreException;
import dev.parley.server.store.StoredRoom;
import dev.parley.server.store.StoredRoom.StoredMask;
import dev.parley.server.store.StoredRoom.StoredTopic;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Registered rooms in SQL: one {@code rooms} row each, their list modes in {@code room_masks} and
 * their operator accounts in {@code room_operators}. A put replaces all three in one transaction,
 * so a reader never sees half a room; the same statements serve every vendor.
 */
public final class JdbcRoomStore implements RoomStore {

    private static final String[] TABLES = {"room_masks", "room_operators", "rooms"};

    private final DataSource dataSource;

    JdbcRoomStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public List<StoredRoom> list() {
        try (Connection connection = dataSource.getConnection()) {
            Map<String, List<StoredMask>> masks = masks(connection);
            Map<String, List<String>> operators = operators(connection);
            return rooms(connection, masks, operators);
        } catch (SQLException e) {
            throw new StoreException("could not list rooms", e);
        }
    }

    private static List<StoredRoom> rooms(
            Connection connection, Map<String, List<StoredMask>> masks, Map<String, List<String>> operators)
            throws SQLException {
        String sql = "SELECT room_key, name, founder, created_at, topic, topic_set_by, topic_set_at, modes,"
                + " mode_key, mode_limit FROM rooms ORDER BY room_key";
        List<StoredRoom> rooms = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                String key = rows.getString(1);
                String topic = rows.getString(5);
                rooms.add(new StoredRoom(
                        key,
                        rows.getString(2),
                        rows.getString(3),
                        rows.getLong(4),
                        topic == null ? null : new StoredTopic(topic, rows.getString(6), rows.getLong(7)),
                        rows.getString(8),
                        rows.getString(9),
                        rows.getInt(10),
                        masks.getOrDefault(key, List.of()),
                        operators.getOrDefault(key, List.of())));
            }
        }
        return rooms;
    }

    private static Map<String, List<StoredMask>> masks(Connection connection) throws SQLException {
        String sql = "SELECT room_key, list_mode, mask, set_by, set_at FROM room_masks ORDER BY room_key, position";
        Map<String, List<StoredMask>> byRoom = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                byRoom.computeIfAbsent(rows.getString(1), k -> new ArrayList<>())
                        .add(new StoredMask(
                                rows.getString(2).charAt(0), rows.getString(3), rows.getString(4), rows.getLong(5)));
            }
        }
        return byRoom;
    }

    private static Map<String, List<String>> operators(Connection connection) throws SQLException {
        String sql = "SELECT room_key, account FROM room_operators ORDER BY room_key, position";
        Map<String, List<String>> byRoom = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                byRoom.computeIfAbsent(rows.getString(1), k -> new ArrayList<>())
                        .add(rows.getString(2));
            }
        }
        return byRoom;
    }

    @Override
    public void put(StoredRoom room) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                delete(connection, room.key());
                insertRoom(connection, room);
                insertMasks(connection, room);
                insertOperators(connection, room);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("could not store the room " + room.name(), e);
        }
    }

    private static void insertRoom(Connection connection, StoredRoom room) throws SQLException {
        String sql = "INSERT INTO rooms (room_key, name, founder, created_at, topic, topic_set_by, topic_set_at,"
                + " modes, mode_key, mode_limit) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            StoredTopic topic = room.topic();
            statement.setString(1, room.key());
            statement.setString(2, room.name());
            statement.setString(3, room.founder());
            statement.setLong(4, room.createdAtSeconds());
            statement.setString(5, topic == null ? null : topic.text());
            statement.setString(6, topic == null ? null : topic.setBy());
            statement.setLong(7, topic == null ? 0 : topic.setAtSeconds());
            statement.setString(8, room.modes());
            statement.setString(9, room.modeKey());
            statement.setInt(10, room.limit());
            statement.executeUpdate();
        }
    }

    private static void insertMasks(Connection connection, StoredRoom room) throws SQLException {
        String sql = "INSERT INTO room_masks (room_key, position, list_mode, mask, set_by, set_at)"
                + " VALUES (?, ?, ?, ?, ?, ?)";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int position = 0;
            for (StoredMask mask : room.masks()) {
                statement.setString(1, room.key());
                statement.setInt(2, position++);
                statement.setString(3, String.valueOf(mask.list()));
                statement.setString(4, mask.mask());
                statement.setString(5, mask.setBy());
                statement.setLong(6, mask.setAtSeconds());
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    private static void insertOperators(Connection connection, StoredRoom room) throws SQLException {
        String sql = "INSERT INTO room_operators (room_key, position, account) VALUES (?, ?, ?)";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int position = 0;
            for (String account : room.operators()) {
                statement.setString(1, room.key());
                statement.setInt(2, position++);
                statement.setString(3, account);
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    @Override
    public boolean remove(String key) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                boolean removed = delete(connection, key);
                connection.commit();
                return removed;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("could not remove the room " + key, e);
        }
    }

    /** Deletes the room's rows from every table; whether it had a {@code rooms} row. */
    private static boolean delete(Connection connection, String key) throws SQLException {
        int roomRows = 0;
        for (String table : TABLES) {
            try (PreparedStatement statement =
                    connection.prepareStatement("DELETE FROM " + table + " WHERE room_key = ?")) {
                statement.setString(1, key);
                roomRows = statement.executeUpdate();
            }
        }
        return roomRows > 0;
    }
}
