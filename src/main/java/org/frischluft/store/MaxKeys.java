package org.frischluft.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * Per device, the highest key in one table: read once, then kept up to date by the writer as it inserts
 * ({@code store-writer} thread only). A key above it is not stored yet, so it needs no look-up.
 */
final class MaxKeys {
    private final String sql;
    private final Map<Integer, Long> known = new HashMap<>();

    MaxKeys(String table) {
        this.sql = "SELECT MAX(k) FROM " + table + " WHERE k >= ? AND k <= ?";
    }

    /** The device's highest key in the table (this transaction's rows included), -1 if it has none. */
    long get(Statements statements, Connection c, int dev) throws SQLException {
        Long known = this.known.get(dev);
        if (known != null) return known;
        long max = -1;
        PreparedStatement ps = statements.prepared(c, sql);
        ps.setLong(1, Schema.key(dev, 0));
        ps.setLong(2, Schema.key(dev, Schema.TIME_MASK));
        try (ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
                long v = rs.getLong(1);
                if (!rs.wasNull()) max = v;
            }
        }
        this.known.put(dev, max);
        return max;
    }

    /** {@code key} was just inserted. */
    void raise(int dev, long key) {
        known.merge(dev, key, Math::max);
    }

    /**
     * {@code key} was just written; a maximum not read yet stays unknown ({@link #get} reads it).
     *
     * @return true if {@code key} is now the device's highest
     */
    boolean raiseIfKnown(int dev, long key) {
        Long before = known.get(dev);
        if (before == null || key < before) return false;
        known.put(dev, key);
        return true;
    }

    /** After a rolled-back transaction. */
    void forget() {
        known.clear();
    }
}
