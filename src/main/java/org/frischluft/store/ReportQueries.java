package org.frischluft.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.frischluft.model.RoomId;
import org.frischluft.store.Schema.Rollup;

/**
 * Read-only queries for lesson and term reports. A room's CO2 comes from the raw readings of the sensors placed
 * in it (each only for the time it was there); where raw readings are no longer kept (before the first one of a
 * placement, past retention) the 5-minute rollups stand in, one sample per bucket (its mean, with its maximum as
 * peak). Call from a {@code query-*} or command thread, never from the FX thread.
 */
public final class ReportQueries {
    private static final String SQL_PLACEMENTS = "SELECT device_id, valid_from, valid_to FROM placement "
            + "WHERE room_id = ? AND valid_from < ? AND (valid_to IS NULL OR valid_to > ?) ORDER BY valid_from, device_id";
    private static final String SQL_RAW = "SELECT k, co2_ppm FROM reading WHERE k >= ? AND k < ? ORDER BY k";
    private static final String SQL_FIVE = "SELECT k, co2_ppm_n, co2_ppm_sum, co2_ppm_max FROM rollup_5m "
            + "WHERE k >= ? AND k < ? ORDER BY k";

    private final ConnectionPool connections;

    ReportQueries(ConnectionPool connections) {
        this.connections = connections;
    }

    /** The room's CO2 over {@code [from, to)}: raw readings, and 5-minute rollups where there are none yet or any more. */
    public Co2Series co2(RoomId room, Instant from, Instant to) {
        Objects.requireNonNull(room, "room");
        long fromMs = Schema.clampMillis(from);
        long toMs = Schema.clampMillis(to);
        if (toMs <= fromMs) return Co2Series.EMPTY;
        try {
            return connections.with(c -> read(c, room, fromMs, toMs));
        } catch (SQLException e) {
            throw new StoreException("report query failed: " + Store.firstLine(e.getMessage()), e);
        }
    }

    private static Co2Series read(Connection c, RoomId room, long fromMs, long toMs) throws SQLException {
        List<long[]> segments = new ArrayList<>(); // {device, from, to}
        try (PreparedStatement ps = c.prepareStatement(SQL_PLACEMENTS)) {
            ps.setString(1, room.value());
            ps.setLong(2, toMs);
            ps.setLong(3, fromMs);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long vTo = rs.getLong(3);
                    if (rs.wasNull()) vTo = Schema.TIME_MASK;
                    segments.add(new long[] {rs.getInt(1), Math.max(fromMs, rs.getLong(2)), Math.min(toMs, vTo)});
                }
            }
        }
        Builder out = new Builder();
        try (PreparedStatement raw = c.prepareStatement(SQL_RAW); PreparedStatement five = c.prepareStatement(SQL_FIVE)) {
            raw.setFetchSize(2_000);
            five.setFetchSize(2_000);
            for (long[] s : segments) {
                int dev = (int) s[0];
                Builder part = new Builder();
                raw.setLong(1, Schema.key(dev, s[1]));
                raw.setLong(2, Schema.key(dev, s[2]));
                try (ResultSet rs = raw.executeQuery()) {
                    while (rs.next()) {
                        float v = rs.getFloat(2);
                        if (!rs.wasNull()) part.add(Schema.millis(rs.getLong(1)), v, v, 0);
                    }
                }
                long firstRaw = part.n == 0 ? s[2] : part.ms[0];
                long width = Rollup.FIVE_MINUTES.widthMs;
                long bucketFrom = s[1] + Math.floorMod(-s[1], width); // whole buckets inside the placement only
                long bucketTo = firstRaw - width + 1;                   // ... that end at or before the first raw reading
                Builder buckets = new Builder();
                if (bucketTo > bucketFrom) {
                    five.setLong(1, Schema.key(dev, bucketFrom));
                    five.setLong(2, Schema.key(dev, bucketTo));
                    try (ResultSet rs = five.executeQuery()) {
                        while (rs.next()) {
                            int n = rs.getInt(2);
                            if (rs.wasNull() || n == 0) continue;
                            buckets.add(Schema.millis(rs.getLong(1)), (float) (rs.getDouble(3) / n), rs.getFloat(4), (int) width);
                        }
                    }
                }
                out = out.merge(buckets).merge(part);
            }
        }
        return out.build();
    }

    /** A growing series; {@link #merge} keeps time order when placements overlap. */
    private static final class Builder {
        long[] ms = new long[64];
        float[] v = new float[64];
        float[] p = new float[64];
        int[] span = new int[64];
        int n;

        void add(long t, float value, float peak, int spanMs) {
            if (n == ms.length) {
                int cap = n * 2;
                ms = java.util.Arrays.copyOf(ms, cap);
                v = java.util.Arrays.copyOf(v, cap);
                p = java.util.Arrays.copyOf(p, cap);
                span = java.util.Arrays.copyOf(span, cap);
            }
            ms[n] = t;
            v[n] = value;
            p[n] = peak;
            span[n] = spanMs;
            n++;
        }

        Builder merge(Builder other) {
            if (other.n == 0) return this;
            if (n == 0) return other;
            if (other.ms[0] >= ms[n - 1]) {
                for (int i = 0; i < other.n; i++) add(other.ms[i], other.v[i], other.p[i], other.span[i]);
                return this;
            }
            Builder out = new Builder();
            int i = 0, j = 0;
            while (i < n || j < other.n) {
                if (j >= other.n || (i < n && ms[i] <= other.ms[j])) {
                    out.add(ms[i], v[i], p[i], span[i]);
                    i++;
                } else {
                    out.add(other.ms[j], other.v[j], other.p[j], other.span[j]);
                    j++;
                }
            }
            return out;
        }

        Co2Series build() {
            return new Co2Series(java.util.Arrays.copyOf(ms, n), java.util.Arrays.copyOf(v, n),
                    java.util.Arrays.copyOf(p, n), java.util.Arrays.copyOf(span, n));
        }
    }
}
