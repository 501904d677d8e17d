package org.frischluft.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.frischluft.model.DeviceId;
import org.frischluft.model.Metric;
import org.frischluft.model.RoomId;
import org.frischluft.store.Schema.Rollup;

/**
 * History queries for charts, reports and export. Call them from a {@code query-*} thread, never from the FX
 * thread; each call borrows a connection and returns immutable results.
 *
 * <p>A room's history is the readings of the sensors placed in it, each only for the time it was there; a
 * device's history is all its readings. Every read is one key range per (device, placement).
 */
public final class HistoryQueries {
    /** In {@link #stats}, a reading stands for the time until the next one, but at most this long. */
    public static final Duration MAX_HOLD = Duration.ofMinutes(15);

    /** One device over {@code [fromMs, toMs)}. */
    record Segment(int device, String deviceName, long fromMs, long toMs, String room) {
    }

    private record Point(long ms, float value) {
    }

    private final ConnectionPool connections;

    HistoryQueries(ConnectionPool connections) {
        this.connections = connections;
    }

    /**
     * A chart series of at most {@code maxPoints} points. Reads raw readings when the range is short (less than
     * 5 minutes per point), 5-minute rollups up to an hour per point, hourly rollups beyond; a rollup bucket
     * contributes its minimum and maximum. Longer results are thinned by keeping each pixel column's minimum
     * and maximum, so peaks survive. Raw readings past retention fall back to the 5-minute rollups.
     */
    public List<SeriesPoint> series(Subject subject, Metric metric, Instant from, Instant to, int maxPoints) {
        Objects.requireNonNull(subject, "subject");
        requireStored(metric);
        if (maxPoints < 2) throw new IllegalArgumentException("maxPoints < 2");
        long fromMs = Schema.clampMillis(from);
        long toMs = Schema.clampMillis(to);
        if (toMs <= fromMs) return List.of();
        long perPoint = (toMs - fromMs) / maxPoints;
        try {
            return connections.with(c -> {
                List<Segment> segments = segments(c, subject, fromMs, toMs);
                List<Point> points;
                if (perPoint < Rollup.FIVE_MINUTES.widthMs) {
                    points = raw(c, segments, metric);
                    if (points.isEmpty()) points = rollup(c, segments, metric, Rollup.FIVE_MINUTES);
                } else if (perPoint < Rollup.HOUR.widthMs) {
                    points = rollup(c, segments, metric, Rollup.FIVE_MINUTES);
                } else {
                    points = rollup(c, segments, metric, Rollup.HOUR);
                }
                return Downsample.minMax(points.stream().map(p -> new SeriesPoint(Instant.ofEpochMilli(p.ms), p.value)).toList(),
                        from, to, maxPoints);
            });
        } catch (SQLException e) {
            throw new StoreException("history query failed: " + Store.firstLine(e.getMessage()), e);
        }
    }

    /**
     * Statistics per interval of {@code step} from {@code from} (the last interval ends at {@code to}): count,
     * min, mean, max and the minutes above {@code threshold}. Computed from raw readings, for lesson reports.
     */
    public List<IntervalStats> stats(Subject subject, Metric metric, Instant from, Instant to, Duration step,
                                     double threshold) {
        Objects.requireNonNull(subject, "subject");
        requireStored(metric);
        if (step == null || step.isZero() || step.isNegative()) throw new IllegalArgumentException("step must be positive");
        long fromMs = Schema.clampMillis(from);
        long toMs = Schema.clampMillis(to);
        if (toMs <= fromMs) return List.of();
        long stepMs = step.toMillis();
        int n = (int) Math.min(100_000, (toMs - fromMs + stepMs - 1) / stepMs);
        List<Point> points;
        try {
            points = connections.with(c -> raw(c, segments(c, subject, fromMs, toMs + MAX_HOLD.toMillis()), metric));
        } catch (SQLException e) {
            throw new StoreException("history query failed: " + Store.firstLine(e.getMessage()), e);
        }
        long[] count = new long[n];
        double[] sum = new double[n];
        double[] min = new double[n];
        double[] max = new double[n];
        double[] aboveMs = new double[n];
        java.util.Arrays.fill(min, Double.NaN);
        java.util.Arrays.fill(max, Double.NaN);
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            if (p.ms >= toMs) break;
            if (p.ms >= fromMs) {
                int b = (int) ((p.ms - fromMs) / stepMs);
                count[b]++;
                sum[b] += p.value;
                min[b] = Double.isNaN(min[b]) ? p.value : Math.min(min[b], p.value);
                max[b] = Double.isNaN(max[b]) ? p.value : Math.max(max[b], p.value);
            }
            if (p.value > threshold) {
                long holdEnd = p.ms + MAX_HOLD.toMillis();
                if (i + 1 < points.size()) holdEnd = Math.min(holdEnd, points.get(i + 1).ms);
                long s = Math.max(p.ms, fromMs);
                long e = Math.min(holdEnd, toMs);
                while (s < e) { // spread the held time over the intervals it covers
                    int b = (int) ((s - fromMs) / stepMs);
                    long bEnd = Math.min(e, fromMs + (b + 1) * stepMs);
                    aboveMs[b] += bEnd - s;
                    s = bEnd;
                }
            }
        }
        List<IntervalStats> out = new ArrayList<>(n);
        for (int b = 0; b < n; b++) {
            long s = fromMs + b * stepMs;
            long e = Math.min(toMs, s + stepMs);
            out.add(new IntervalStats(Instant.ofEpochMilli(s), Instant.ofEpochMilli(e), count[b], min[b],
                    count[b] == 0 ? Double.NaN : sum[b] / count[b], max[b], aboveMs[b] / 60_000.0));
        }
        return List.copyOf(out);
    }

    /**
     * Devices with readings that are in no room now (no open placement: not in the school file), latest first,
     * each with its latest reading and the model its raw frames were read with.
     */
    public java.util.List<SeenDevice> unplacedDevices() {
        java.util.List<SeenDevice> out = new java.util.ArrayList<>();
        String sql = "SELECT d.id, d.name, d.model, d.model_source FROM device d WHERE NOT EXISTS "
                + "(SELECT 1 FROM placement p WHERE p.device_id = d.id AND p.valid_to IS NULL)";
        try {
            connections.with(c -> {
                try (java.sql.PreparedStatement ps = c.prepareStatement(sql);
                     java.sql.PreparedStatement last = c.prepareStatement("SELECT k, co2_ppm FROM reading WHERE k >= ? AND k < ? "
                             + "ORDER BY k DESC FETCH FIRST 1 ROWS ONLY");
                     java.sql.ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        int id = rs.getInt(1);
                        last.setLong(1, Schema.key(id, 0));
                        last.setLong(2, Schema.key(id + 1, 0));
                        try (java.sql.ResultSet l = last.executeQuery()) {
                            if (!l.next()) continue; // nothing kept of it
                            Instant seen = Instant.ofEpochMilli(Schema.millis(l.getLong(1)));
                            float v = l.getFloat(2);
                            Double co2 = l.wasNull() ? null : (double) v;
                            out.add(new SeenDevice(DeviceId.of(rs.getString(2)), seen, co2, rs.getString(3), rs.getString(4)));
                        }
                    }
                }
                return null;
            });
        } catch (java.sql.SQLException e) {
            throw new StoreException("cannot list the devices: " + Store.firstLine(e.getMessage()), e);
        }
        out.sort(java.util.Comparator.comparing(SeenDevice::lastSeen).reversed());
        return out;
    }

    /**
     * Writes CSV with the header {@code time,device,room,co2_ppm,temperature_c,humidity_pct}: time in ISO-8601
     * UTC, the room from the placement valid at the reading's time (empty if none), an empty cell for an absent
     * value. Rows are ordered by device, then time (for a room: by placement, then time).
     */
    public void exportCsv(ExportQuery query, Appendable out) throws IOException {
        Objects.requireNonNull(query, "query");
        long fromMs = Schema.clampMillis(query.from());
        long toMs = query.to() == null ? Schema.TIME_MASK : Schema.clampMillis(query.to());
        out.append("time,device,room,co2_ppm,temperature_c,humidity_pct\n");
        try {
            connections.with(c -> {
                List<Segment> segments;
                if (query.room() != null) {
                    segments = roomSegments(c, query.room(), fromMs, toMs);
                    if (query.device() != null) {
                        segments = segments.stream().filter(s -> s.deviceName().equals(query.device().value())).toList();
                    }
                } else if (query.device() != null) {
                    segments = placedSegments(c, deviceSegments(c, query.device(), fromMs, toMs));
                } else {
                    segments = placedSegments(c, allDeviceSegments(c, fromMs, toMs));
                }
                for (Segment s : segments) {
                    exportSegment(c, s, out);
                }
                return null;
            });
        } catch (SQLException e) {
            throw new StoreException("export failed: " + Store.firstLine(e.getMessage()), e);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static void exportSegment(Connection c, Segment s, Appendable out) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT k, co2_ppm, temperature_c, humidity_pct FROM reading WHERE k >= ? AND k < ? ORDER BY k")) {
            ps.setFetchSize(1_000);
            ps.setLong(1, Schema.key(s.device(), s.fromMs()));
            ps.setLong(2, Schema.key(s.device(), s.toMs()));
            String device = csv(s.deviceName());
            String room = s.room() == null ? "" : csv(s.room());
            StringBuilder line = new StringBuilder(96);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    line.setLength(0);
                    line.append(Instant.ofEpochMilli(Schema.millis(rs.getLong(1)))).append(',')
                            .append(device).append(',').append(room);
                    for (int col = 2; col <= 4; col++) {
                        line.append(',');
                        float v = rs.getFloat(col);
                        if (!rs.wasNull()) line.append(number(v));
                    }
                    line.append('\n');
                    try {
                        out.append(line);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        }
    }

    /** 812 rather than 812.0; otherwise the shortest decimal that reads back as the stored float. */
    static String number(float v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e7) return Long.toString((long) v);
        return Float.toString(v);
    }

    private static String csv(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    // ----------------------------------------------------------------------------------------------- segments

    private List<Segment> segments(Connection c, Subject subject, long fromMs, long toMs) throws SQLException {
        if (subject instanceof Subject.Room r) return roomSegments(c, r.id(), fromMs, toMs);
        return deviceSegments(c, ((Subject.Device) subject).id(), fromMs, toMs);
    }

    private static List<Segment> deviceSegments(Connection c, DeviceId device, long fromMs, long toMs) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM device WHERE name = ?")) {
            ps.setString(1, device.value());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? List.of(new Segment(rs.getInt(1), device.value(), fromMs, toMs, null)) : List.of();
            }
        }
    }

    private static List<Segment> allDeviceSegments(Connection c, long fromMs, long toMs) throws SQLException {
        List<Segment> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, name FROM device ORDER BY name");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) out.add(new Segment(rs.getInt(1), rs.getString(2), fromMs, toMs, null));
        }
        return out;
    }

    /** The placements of a room overlapping {@code [fromMs, toMs)}, clipped to it, in time order. */
    private static List<Segment> roomSegments(Connection c, RoomId room, long fromMs, long toMs) throws SQLException {
        List<Segment> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT p.device_id, d.name, p.valid_from, p.valid_to "
                + "FROM placement p JOIN device d ON d.id = p.device_id "
                + "WHERE p.room_id = ? AND p.valid_from < ? AND (p.valid_to IS NULL OR p.valid_to > ?) "
                + "ORDER BY p.valid_from, d.name")) {
            ps.setString(1, room.value());
            ps.setLong(2, toMs);
            ps.setLong(3, fromMs);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long vTo = rs.getLong(4);
                    if (rs.wasNull()) vTo = Schema.TIME_MASK;
                    out.add(new Segment(rs.getInt(1), rs.getString(2), Math.max(fromMs, rs.getLong(3)),
                            Math.min(toMs, vTo), room.value()));
                }
            }
        }
        return out;
    }

    /** Splits device segments at placement boundaries so each piece knows its room (or none). */
    private static List<Segment> placedSegments(Connection c, List<Segment> segments) throws SQLException {
        List<Segment> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT valid_from, valid_to, room_id FROM placement "
                + "WHERE device_id = ? AND valid_from < ? AND (valid_to IS NULL OR valid_to > ?) ORDER BY valid_from")) {
            for (Segment s : segments) {
                ps.setInt(1, s.device());
                ps.setLong(2, s.toMs());
                ps.setLong(3, s.fromMs());
                long cursor = s.fromMs();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long pFrom = Math.max(s.fromMs(), rs.getLong(1));
                        long pTo = rs.getLong(2);
                        if (rs.wasNull()) pTo = Schema.TIME_MASK;
                        pTo = Math.min(s.toMs(), pTo);
                        if (pFrom > cursor) out.add(new Segment(s.device(), s.deviceName(), cursor, pFrom, null));
                        if (pTo > pFrom) out.add(new Segment(s.device(), s.deviceName(), pFrom, pTo, rs.getString(3)));
                        cursor = Math.max(cursor, pTo);
                    }
                }
                if (cursor < s.toMs()) out.add(new Segment(s.device(), s.deviceName(), cursor, s.toMs(), null));
            }
        }
        return out;
    }

    // --------------------------------------------------------------------------------------------------- reads

    private static List<Point> raw(Connection c, List<Segment> segments, Metric metric) throws SQLException {
        List<Point> out = new ArrayList<>();
        String col = metric.key();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT k, " + col + " FROM reading WHERE k >= ? AND k < ? ORDER BY k")) {
            ps.setFetchSize(2_000);
            for (Segment s : segments) {
                ps.setLong(1, Schema.key(s.device(), s.fromMs()));
                ps.setLong(2, Schema.key(s.device(), s.toMs()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        float v = rs.getFloat(2);
                        if (!rs.wasNull()) out.add(new Point(Schema.millis(rs.getLong(1)), v));
                    }
                }
            }
        }
        if (segments.size() > 1) out.sort(Comparator.comparingLong(Point::ms));
        return out;
    }

    /**
     * Each bucket's minimum at its start and maximum at its middle (one point when they are equal). For hourly
     * rollups, the time after a segment's last hourly row (a device's newest hour is still open) is read from the
     * 5-minute rollups.
     */
    private static List<Point> rollup(Connection c, List<Segment> segments, Metric metric, Rollup r) throws SQLException {
        List<Point> out = new ArrayList<>();
        for (Segment s : segments) {
            long last = readRollup(c, s, s.fromMs(), metric, r, out);
            if (r == Rollup.HOUR) {
                long tail = last < 0 ? s.fromMs() : last + r.widthMs;
                if (tail < s.toMs()) readRollup(c, s, tail, metric, Rollup.FIVE_MINUTES, out);
            }
        }
        if (segments.size() > 1 || r == Rollup.HOUR) out.sort(Comparator.comparingLong(Point::ms));
        return out;
    }

    /** @return start of the last bucket read (also of buckets without this metric), -1 if none */
    private static long readRollup(Connection c, Segment s, long fromMs, Metric metric, Rollup r, List<Point> out)
            throws SQLException {
        String col = metric.key();
        long last = -1;
        try (PreparedStatement ps = c.prepareStatement("SELECT k, " + col + "_min, " + col + "_max FROM " + r.table
                + " WHERE k >= ? AND k < ? ORDER BY k")) {
            ps.setFetchSize(2_000);
            // buckets starting inside the segment
            ps.setLong(1, Schema.key(s.device(), fromMs + Math.floorMod(-fromMs, r.widthMs)));
            ps.setLong(2, Schema.key(s.device(), s.toMs()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long t = Schema.millis(rs.getLong(1));
                    last = t;
                    float min = rs.getFloat(2);
                    if (rs.wasNull()) continue;
                    float max = rs.getFloat(3);
                    out.add(new Point(t, min));
                    if (max != min) out.add(new Point(t + r.widthMs / 2, max));
                }
            }
        }
        return last;
    }

    private static void requireStored(Metric metric) {
        Objects.requireNonNull(metric, "metric");
        if (Schema.index(metric) < 0) throw new IllegalArgumentException(metric + " is not stored in history");
    }
}
