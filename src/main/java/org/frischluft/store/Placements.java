package org.frischluft.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.frischluft.model.DeviceId;
import org.frischluft.model.RoomId;

/**
 * Which room a device is in, from when ({@code placement}), and the device rows with their ids
 * ({@code store-writer} thread only). The id cache is forgotten after a failed transaction.
 *
 * <p>On PostgreSQL several recorders may write at once (shared subscriptions, issue 15): a device row seen by two
 * of them for the first time is inserted once ({@code ON CONFLICT DO NOTHING}, then read), a placement change
 * locks the device row first, so two recorders starting with the same school file do not both open a placement.
 */
final class Placements {
    private final Map<String, Integer> deviceIds = new HashMap<>();
    private final Schema.Dialect dialect;

    Placements(Schema.Dialect dialect) {
        this.dialect = dialect;
    }

    /**
     * Places {@code device} in {@code room} (none: null) from {@code at} on, in the caller's transaction.
     *
     * @param fromFirst when the device has never been placed, place it from the beginning of its history
     */
    void write(Connection c, DeviceId device, RoomId room, Instant at, boolean fromFirst) throws SQLException {
        int dev = deviceId(c, device);
        if (dialect == Schema.Dialect.POSTGRESQL) {
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM device WHERE id = ? FOR UPDATE")) {
                ps.setInt(1, dev); // another recorder placing this device waits here, then sees what it stored
                ps.executeQuery().close();
            }
        }
        long from = Schema.clampMillis(at);
        if (fromFirst && room != null) {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM placement WHERE device_id = ?")) {
                ps.setInt(1, dev);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next() && rs.getLong(1) == 0) {
                        from = 0; // never placed: its earlier, unassigned readings were taken in this room too
                    }
                }
            }
        }
        if (room != null) {
            try (PreparedStatement ps = c.prepareStatement("SELECT room_id FROM placement WHERE device_id = ? "
                    + "AND valid_to IS NULL AND valid_from <= ?")) {
                ps.setInt(1, dev);
                ps.setLong(2, from);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next() && rs.getString(1).equals(room.value())) {
                        return; // already there: config reloads must not fragment the history
                    }
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM placement WHERE device_id = ? AND valid_from >= ?")) {
            ps.setInt(1, dev);
            ps.setLong(2, from);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE placement SET valid_to = ? WHERE device_id = ? "
                + "AND valid_from < ? AND (valid_to IS NULL OR valid_to > ?)")) {
            ps.setLong(1, from);
            ps.setInt(2, dev);
            ps.setLong(3, from);
            ps.setLong(4, from);
            ps.executeUpdate();
        }
        if (room != null) {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO placement (device_id, room_id, valid_from, valid_to) VALUES (?, ?, ?, NULL)")) {
                ps.setInt(1, dev);
                ps.setString(2, room.value());
                ps.setLong(3, from);
                ps.executeUpdate();
            }
        }
    }

    /** The device's row id; the row is inserted the first time a device is seen. */
    int deviceId(Connection c, DeviceId device) throws SQLException {
        Integer id = deviceIds.get(device.value());
        if (id != null) return id;
        id = selectDeviceId(c, device.value());
        if (id == null) {
            try (PreparedStatement ps = c.prepareStatement(dialect == Schema.Dialect.POSTGRESQL
                    ? "INSERT INTO device (name) VALUES (?) ON CONFLICT (name) DO NOTHING" // another recorder's row wins
                    : "INSERT INTO device (name) VALUES (?)")) {
                ps.setString(1, device.value());
                ps.executeUpdate();
            }
            id = selectDeviceId(c, device.value());
            if (id == null) throw new SQLException("device row not found after insert");
            if (id > Schema.DEVICE_MAX) throw new SQLException("more than " + Schema.DEVICE_MAX + " devices");
        }
        deviceIds.put(device.value(), id);
        return id;
    }

    private static Integer selectDeviceId(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM device WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : null;
            }
        }
    }

    private final Map<Integer, String> models = new HashMap<>();

    /**
     * Keeps which model's decoder read the device's raw frames (and how it was known), when that changed. The row
     * is only written (and locked) when the stored value differs: with several recorders each one learns the
     * models once, and only the first one writes.
     */
    void model(Connection c, int device, String model, String source) throws SQLException {
        String both = model + "|" + source;
        if (both.equals(models.get(device))) return;
        try (PreparedStatement ps = c.prepareStatement("UPDATE device SET model = ?, model_source = ? WHERE id = ? "
                + "AND (model IS DISTINCT FROM ? OR model_source IS DISTINCT FROM ?)")) {
            ps.setString(1, model);
            ps.setString(2, source);
            ps.setInt(3, device);
            ps.setString(4, model);
            ps.setString(5, source);
            ps.executeUpdate();
        }
        models.put(device, both);
    }

    /** After a rolled-back transaction: ids of devices inserted in it are void. */
    void forget() {
        models.clear();
        deviceIds.clear();
    }
}
