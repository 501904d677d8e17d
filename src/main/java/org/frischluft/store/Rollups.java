package org.frischluft.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.frischluft.store.Schema.Dialect;
import org.frischluft.store.Schema.Rollup;

/**
 * The 5-minute and hourly rollups of the rows a batch inserted, written in the batch's transaction
 * ({@code store-writer} thread only). Its caches (newest keys, each device's newest 5-minute bucket and open
 * hour) are forgotten after a failed transaction.
 *
 * <p>Two ways, by database. H2 is an embedded file with one writing process, so the writer keeps each device's
 * open bucket and hour in memory and writes whole aggregates ({@link #update}). PostgreSQL may have several
 * writers ({@code record} instances sharing a subscription, issue 15), and a cache in one of them does not see
 * what the others added: there every batch adds the aggregate of only the rows it inserted itself to the 5-minute
 * and the hourly row, in the database ({@code INSERT ... ON CONFLICT (k) DO UPDATE SET n = n + excluded.n, ...,
 * min = LEAST(...)}). A row another writer stored first was skipped by {@code ON CONFLICT DO NOTHING} and is
 * counted by that writer only; the row lock taken by the upsert orders two writers adding to the same bucket;
 * both lock keys in ascending order, so they never deadlock. Nothing is cached, so there is nothing to forget.
 */
final class Rollups {
    private static final int METRICS = StoredRow.METRICS;
    private static final String SQL_FIVE_MINUTES_OF_HOUR = "SELECT " + Schema.rollupColumns() + " FROM "
            + Rollup.FIVE_MINUTES.table + " WHERE k >= ? AND k < ?";
    private static final String SQL_HOUR_EXISTS = "SELECT COUNT(*) FROM " + Rollup.HOUR.table + " WHERE k = ?";
    private static final String SQL_SELECT_FIVE_MINUTES = "SELECT " + Schema.rollupColumns() + " FROM "
            + Rollup.FIVE_MINUTES.table + " WHERE k = ?";
    private static final Map<Rollup, String> SQL_INSERT_AGG = new EnumMap<>(Rollup.class);
    private static final Map<Rollup, String> SQL_UPDATE_AGG = new EnumMap<>(Rollup.class);
    private static final Map<Rollup, String> SQL_MERGE_AGG = new EnumMap<>(Rollup.class);
    private static final Map<Rollup, String> SQL_ADD_AGG = new EnumMap<>(Rollup.class);

    static {
        String cols = Schema.rollupColumns();
        String set = String.join(", ", Arrays.stream(cols.split(", ")).map(s -> s + " = ?").toList());
        for (Rollup r : Rollup.values()) {
            SQL_INSERT_AGG.put(r, "INSERT INTO " + r.table + " (" + cols + ", k) VALUES ("
                    + Schema.placeholders(METRICS * 4 + 1) + ")");
            SQL_UPDATE_AGG.put(r, "UPDATE " + r.table + " SET " + set + " WHERE k = ?");
            SQL_MERGE_AGG.put(r, "MERGE INTO " + r.table + " (" + cols + ", k) KEY (k) VALUES ("
                    + Schema.placeholders(METRICS * 4 + 1) + ")"); // H2 only
            StringBuilder add = new StringBuilder();
            for (org.frischluft.model.Metric m : Schema.STORED) {
                String n = m.key() + "_n";
                String sum = m.key() + "_sum";
                String min = m.key() + "_min";
                String max = m.key() + "_max";
                add.append(add.isEmpty() ? "" : ", ")
                        .append(n).append(" = COALESCE(t.").append(n).append(" + EXCLUDED.").append(n).append(", t.")
                        .append(n).append(", EXCLUDED.").append(n).append("), ")
                        .append(sum).append(" = COALESCE(t.").append(sum).append(" + EXCLUDED.").append(sum)
                        .append(", t.").append(sum).append(", EXCLUDED.").append(sum).append("), ")
                        .append(min).append(" = LEAST(t.").append(min).append(", EXCLUDED.").append(min).append("), ")
                        .append(max).append(" = GREATEST(t.").append(max).append(", EXCLUDED.").append(max).append(")");
            }
            SQL_ADD_AGG.put(r, "INSERT INTO " + r.table + " AS t (" + cols + ", k) VALUES ("
                    + Schema.placeholders(METRICS * 4 + 1) + ") ON CONFLICT (k) DO UPDATE SET " + add); // PostgreSQL
        }
    }

    /** Running aggregate of one rollup bucket, one slot per stored metric. */
    private static final class Agg {
        final int[] n = new int[METRICS];
        final double[] sum = new double[n.length];
        final float[] min = new float[n.length];
        final float[] max = new float[n.length];
        boolean exists;

        void add(int i, float v) {
            if (n[i] == 0 || v < min[i]) min[i] = v;
            if (n[i] == 0 || v > max[i]) max[i] = v;
            n[i]++;
            sum[i] += v;
        }

        void add(StoredRow row) {
            for (int i = 0; i < n.length; i++) {
                if ((row.mask & (1 << i)) != 0) add(i, row.v[i]);
            }
        }
    }

    /** A rollup row to write. */
    private record Touched(long key, Agg agg) {
    }

    /** A device's newest hour with data and its running aggregate (the hour is not in the hourly table yet). */
    private static final class OpenHour {
        long hourMs;
        Agg agg;

        OpenHour(long hourMs, Agg agg) {
            this.hourMs = hourMs;
            this.agg = agg;
        }
    }

    private final Statements statements;
    private final Dialect dialect;
    private final Map<Rollup, MaxKeys> maxKeys = new EnumMap<>(Rollup.class);
    /** Per device: its newest 5-minute bucket as written (the next batch usually adds to it). */
    private final Map<Integer, Touched> newestFive = new HashMap<>();
    private final Map<Integer, OpenHour> openHours = new HashMap<>();

    Rollups(Statements statements) {
        this.statements = statements;
        this.dialect = statements.dialect();
        for (Rollup r : Rollup.values()) {
            maxKeys.put(r, new MaxKeys(r.table));
        }
    }

    /**
     * 5-minute buckets are updated with every batch. An hour is written once it is closed, that is when a
     * device has data in a later hour: its aggregate is kept in memory while it is open (loaded once from its
     * 5-minute rows when the writer first sees the device), so closing it costs one insert. Late data for an
     * already closed hour recomputes that hour from its twelve 5-minute rows. All in the batch's transaction;
     * a device's newest hour stays open, and queries read it from the 5-minute rollups. This keeps the hourly
     * table out of most commits.
     *
     * @param byDevice per device, the rows just inserted, in key order
     */
    void update(Connection c, int[] devices, Map<Integer, List<StoredRow>> byDevice) throws SQLException {
        if (dialect == Dialect.POSTGRESQL) {
            add(c, devices, byDevice);
            return;
        }
        Rollup five = Rollup.FIVE_MINUTES;
        List<Touched> fives = new ArrayList<>();
        List<Touched> hours = new ArrayList<>();
        List<long[]> lateHours = new ArrayList<>(); // {device, hour start}
        for (int dev : devices) {
            List<StoredRow> rows = byDevice.get(dev);
            if (rows.isEmpty()) continue;
            OpenHour open = openHour(c, dev);
            long bucket = -1;
            long lateHour = -1;
            Agg agg = null;
            for (StoredRow row : rows) {
                long ms = Schema.millis(row.key);
                long b = five.bucket(ms);
                if (b != bucket) { // rows are in key order: each bucket comes once
                    bucket = b;
                    long bk = Schema.key(dev, b);
                    agg = loadFiveMinutes(c, dev, bk);
                    fives.add(new Touched(bk, agg));
                }
                agg.add(row);
                long h = Rollup.HOUR.bucket(ms);
                if (h > open.hourMs) {
                    if (open.agg != null) hours.add(new Touched(Schema.key(dev, open.hourMs), open.agg));
                    open.hourMs = h;
                    open.agg = new Agg();
                }
                if (h == open.hourMs) {
                    open.agg.add(row);
                } else if (h != lateHour) { // before the open hour: already closed, recomputed below
                    lateHour = h;
                    lateHours.add(new long[] {dev, h});
                }
            }
        }
        writeAggs(c, five, fives);
        for (Touched t : hours) {
            int dev = Schema.device(t.key());
            t.agg().exists = t.key() <= maxKeys.get(Rollup.HOUR).get(statements, c, dev)
                    && hourExists(c, t.key());
        }
        for (long[] late : lateHours) {
            hours.add(recomputeHour(c, (int) late[0], late[1]));
        }
        writeAggs(c, Rollup.HOUR, hours);
    }

    /**
     * PostgreSQL: adds each bucket's aggregate of these rows to the stored one, in the database (see the class
     * comment). Every hour is in the hourly table as soon as it has data.
     *
     * @param devices ascending; each device's rows in key order, so the rollup rows are locked in key order
     */
    private void add(Connection c, int[] devices, Map<Integer, List<StoredRow>> byDevice) throws SQLException {
        for (Rollup r : Rollup.values()) {
            List<Touched> deltas = new ArrayList<>();
            for (int dev : devices) {
                long bucket = -1;
                Agg agg = null;
                for (StoredRow row : byDevice.get(dev)) {
                    long b = r.bucket(Schema.millis(row.key));
                    if (b != bucket) {
                        bucket = b;
                        agg = new Agg();
                        deltas.add(new Touched(Schema.key(dev, b), agg));
                    }
                    agg.add(row);
                }
            }
            if (!deltas.isEmpty()) statements.upsertAll(c, SQL_ADD_AGG.get(r), deltas, Rollups::bindAgg);
        }
    }

    /** The device's open hour; loaded from the 5-minute rollups the first time (hourMs -1 when it has none). */
    private OpenHour openHour(Connection c, int dev) throws SQLException {
        OpenHour open = openHours.get(dev);
        if (open != null) return open;
        long max5 = maxKeys.get(Rollup.FIVE_MINUTES).get(statements, c, dev);
        if (max5 < 0) {
            open = new OpenHour(-1, null);
        } else {
            long h = Rollup.HOUR.bucket(Schema.millis(max5));
            open = new OpenHour(h, sumFiveMinutes(c, dev, h));
        }
        openHours.put(dev, open);
        return open;
    }

    private Touched recomputeHour(Connection c, int dev, long hourMs) throws SQLException {
        Agg agg = sumFiveMinutes(c, dev, hourMs);
        long k = Schema.key(dev, hourMs);
        agg.exists = hourExists(c, k);
        return new Touched(k, agg);
    }

    private boolean hourExists(Connection c, long k) throws SQLException {
        PreparedStatement ps = statements.prepared(c, SQL_HOUR_EXISTS);
        ps.setLong(1, k);
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() && rs.getLong(1) > 0;
        }
    }

    /** One hour of a device from its stored 5-minute rows. */
    private Agg sumFiveMinutes(Connection c, int dev, long hourMs) throws SQLException {
        Agg agg = new Agg();
        PreparedStatement ps = statements.prepared(c, SQL_FIVE_MINUTES_OF_HOUR);
        ps.setLong(1, Schema.key(dev, hourMs));
        ps.setLong(2, Schema.key(dev, hourMs + Rollup.HOUR.widthMs));
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                int col = 1;
                for (int i = 0; i < METRICS; i++) {
                    int n = rs.getInt(col++);
                    double sum = rs.getDouble(col++);
                    float min = rs.getFloat(col++);
                    float max = rs.getFloat(col++);
                    if (n == 0) continue;
                    if (agg.n[i] == 0 || min < agg.min[i]) agg.min[i] = min;
                    if (agg.n[i] == 0 || max > agg.max[i]) agg.max[i] = max;
                    agg.n[i] += n;
                    agg.sum[i] += sum;
                }
            }
        }
        return agg;
    }

    private Agg loadFiveMinutes(Connection c, int dev, long bk) throws SQLException {
        Agg agg = new Agg();
        if (bk > maxKeys.get(Rollup.FIVE_MINUTES).get(statements, c, dev)) {
            return agg; // the usual case: a bucket after the device's newest one
        }
        Touched newest = newestFive.get(dev);
        if (newest != null && newest.key() == bk) return newest.agg();
        PreparedStatement ps = statements.prepared(c, SQL_SELECT_FIVE_MINUTES);
        ps.setLong(1, bk);
        try (ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
                agg.exists = true;
                int col = 1;
                for (int i = 0; i < METRICS; i++) {
                    agg.n[i] = rs.getInt(col++);
                    agg.sum[i] = rs.getDouble(col++);
                    agg.min[i] = rs.getFloat(col++);
                    agg.max[i] = rs.getFloat(col++);
                }
            }
        }
        return agg;
    }

    /** Inserts new and updates existing rollup rows. */
    private void writeAggs(Connection c, Rollup r, List<Touched> touched) throws SQLException {
        if (touched.isEmpty()) return;
        List<Touched> inserts = new ArrayList<>(touched.size());
        List<Touched> updates = new ArrayList<>();
        for (Touched t : touched) {
            (t.agg().exists ? updates : inserts).add(t);
        }
        if (!inserts.isEmpty()) statements.insertAll(c, SQL_INSERT_AGG.get(r), inserts, Rollups::bindAgg);
        if (!updates.isEmpty() && dialect == Dialect.H2) {
            // typically one per device (its open bucket): many rows per MERGE cost far less than one UPDATE each
            statements.insertAll(c, SQL_MERGE_AGG.get(r), updates, Rollups::bindAgg);
        } else if (!updates.isEmpty()) {
            PreparedStatement upd = statements.prepared(c, SQL_UPDATE_AGG.get(r));
            for (Touched t : updates) {
                bindAgg(upd, 1, t);
                upd.addBatch();
            }
            upd.executeBatch();
        }
        MaxKeys max = maxKeys.get(r);
        for (Touched t : touched) {
            t.agg().exists = true; // after commit; on rollback every cache is cleared
            int dev = Schema.device(t.key());
            if (max.raiseIfKnown(dev, t.key()) && r == Rollup.FIVE_MINUTES) newestFive.put(dev, t);
        }
    }

    /** Columns in {@link Schema#rollupColumns()} order, then the key. */
    private static void bindAgg(PreparedStatement ps, int col, Touched t) throws SQLException {
        Agg a = t.agg();
        for (int i = 0; i < METRICS; i++) {
            if (a.n[i] == 0) {
                ps.setNull(col++, Types.INTEGER);
                ps.setNull(col++, Types.DOUBLE);
                ps.setNull(col++, Types.REAL);
                ps.setNull(col++, Types.REAL);
            } else {
                ps.setInt(col++, a.n[i]);
                ps.setDouble(col++, a.sum[i]);
                ps.setFloat(col++, a.min[i]);
                ps.setFloat(col++, a.max[i]);
            }
        }
        ps.setLong(col, t.key());
    }

    /** After a rolled-back transaction: what it wrote is void. */
    void forget() {
        maxKeys.values().forEach(MaxKeys::forget);
        newestFive.clear();
        openHours.clear();
    }
}
