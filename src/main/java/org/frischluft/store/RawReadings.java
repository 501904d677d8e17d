package org.frischluft.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.frischluft.model.Reading;

/**
 * Raw readings into {@code reading} ({@code store-writer} thread only): rejects what cannot be stored, drops
 * repeats and readings already stored (same device and time), inserts the rest and hands them to the rollups.
 * Its cache of each device's highest stored key is forgotten after a failed transaction.
 */
final class RawReadings {
    private static final int METRICS = StoredRow.METRICS;
    private static final String SQL_KEYS_IN_RANGE = "SELECT k FROM reading WHERE k >= ? AND k <= ?";

    /** What became of a batch of readings. */
    record Written(int inserted, int rejected) {
    }

    private final Statements statements;
    private final Placements placements;
    private final Rollups rollups;
    private final String insertSql;
    private final MaxKeys maxReadingKey = new MaxKeys("reading");

    RawReadings(Statements statements, Placements placements, Rollups rollups) {
        this.statements = statements;
        this.placements = placements;
        this.rollups = rollups;
        this.insertSql = statements.dialect().insertReading();
    }

    /**
     * Inserts the batch's new readings and their rollups in the caller's transaction.
     *
     * @return how many were inserted and rejected; the rest were already stored (or repeated in the batch)
     */
    Written write(Connection c, List<Reading> batch) throws SQLException {
        if (batch.isEmpty()) return new Written(0, 0);
        int rejectedNow = 0;
        // rows are locked in one order by every writer (device names, device ids, keys), so two recorders writing
        // the same devices into one PostgreSQL wait for each other instead of deadlocking
        java.util.TreeMap<String, org.frischluft.model.DeviceId> names = new java.util.TreeMap<>();
        for (Reading r : batch) {
            if (Schema.storable(r.time())) names.putIfAbsent(r.device().value(), r.device());
        }
        Map<String, Integer> ids = new HashMap<>();
        for (org.frischluft.model.DeviceId d : names.values()) ids.put(d.value(), placements.deviceId(c, d));
        java.util.TreeMap<Integer, Reading> models = new java.util.TreeMap<>(); // the last model seen per device
        Map<Integer, List<StoredRow>> byDevice = new HashMap<>();
        for (Reading r : batch) {
            if (!Schema.storable(r.time())) {
                rejectedNow++;
                continue;
            }
            int dev = ids.get(r.device().value());
            if (r.model() != null) models.put(dev, r);
            StoredRow row = new StoredRow(Schema.key(dev, r.time().toEpochMilli()), r);
            if (row.mask == 0) {
                rejectedNow++;
                continue;
            }
            byDevice.computeIfAbsent(dev, d -> new ArrayList<>()).add(row);
        }
        for (Map.Entry<Integer, Reading> e : models.entrySet()) {
            placements.model(c, e.getKey(), e.getValue().model(), e.getValue().modelSource());
        }
        int[] devices = byDevice.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
        List<StoredRow> rows = new ArrayList<>(batch.size());
        for (int dev : devices) {
            List<StoredRow> own = byDevice.get(dev);
            sortAndDropRepeats(own);
            removeStored(c, dev, own);
            rows.addAll(own);
        }
        if (rows.isEmpty()) return new Written(0, rejectedNow);

        int[] counts = statements.insertAll(c, insertSql, rows, RawReadings::bindReading);
        int inserted = rows.size();
        if (counts != null) {
            // PostgreSQL: 0 means another writer had the key (ON CONFLICT DO NOTHING)
            Set<StoredRow> lost = Collections.newSetFromMap(new IdentityHashMap<>());
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] == 0) lost.add(rows.get(i));
            }
            if (!lost.isEmpty()) {
                inserted -= lost.size();
                for (List<StoredRow> own : byDevice.values()) own.removeIf(lost::contains);
            }
        }
        for (int dev : devices) {
            List<StoredRow> own = byDevice.get(dev);
            if (!own.isEmpty()) maxReadingKey.raise(dev, own.get(own.size() - 1).key);
        }
        rollups.update(c, devices, byDevice);
        return new Written(inserted, rejectedNow);
    }

    private static void bindReading(PreparedStatement ps, int col, StoredRow row) throws SQLException {
        ps.setLong(col, row.key);
        for (int i = 0; i < METRICS; i++) {
            if ((row.mask & (1 << i)) != 0) ps.setFloat(col + 1 + i, row.v[i]);
            else ps.setNull(col + 1 + i, Types.REAL);
        }
    }

    /** Orders one device's rows by time; of several rows with the same time the first submitted stays. */
    private static void sortAndDropRepeats(List<StoredRow> rows) {
        boolean ordered = true;
        for (int i = 1; i < rows.size() && ordered; i++) {
            ordered = rows.get(i - 1).key < rows.get(i).key;
        }
        if (ordered) return;
        rows.sort(Comparator.comparingLong(r -> r.key)); // stable
        int w = 1;
        for (int i = 1; i < rows.size(); i++) {
            if (rows.get(i).key != rows.get(w - 1).key) rows.set(w++, rows.get(i));
        }
        rows.subList(w, rows.size()).clear();
    }

    /** Removes rows already in the table. Keys beyond the device's highest stored key need no look-up. */
    private void removeStored(Connection c, int dev, List<StoredRow> rows) throws SQLException {
        if (rows.isEmpty()) return;
        long maxKnown = maxReadingKey.get(statements, c, dev);
        long lo = rows.get(0).key;
        long hi = Math.min(rows.get(rows.size() - 1).key, maxKnown);
        if (lo > hi) return;
        Set<Long> stored = new HashSet<>();
        PreparedStatement ps = statements.prepared(c, SQL_KEYS_IN_RANGE);
        ps.setLong(1, lo);
        ps.setLong(2, hi);
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) stored.add(rs.getLong(1));
        }
        if (!stored.isEmpty()) rows.removeIf(r -> stored.contains(r.key));
    }

    /** After a rolled-back transaction: what it inserted is void. */
    void forget() {
        maxReadingKey.forget();
    }
}
