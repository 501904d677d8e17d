package org.frischluft.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.frischluft.model.DeviceId;
import org.frischluft.model.Metric;
import org.frischluft.model.Reading;
import org.frischluft.model.RoomId;
import org.frischluft.store.Schema.Dialect;
import org.frischluft.store.Schema.Rollup;
import org.frischluft.store.StoreState.Kind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The only thread that writes history ({@code store-writer}). Readings wait in a bounded queue; the writer
 * commits them in batches (at most {@link StoreOptions#batchRows()} rows or {@link StoreOptions#batchInterval()}
 * after the first row; when more readings are already queued, up to {@link StoreOptions#backlogBatchRows()} of
 * them at once, so a writer that fell behind catches up with fewer commits), updates the 5-minute and hourly
 * rollups in the same transaction, and deletes raw readings past retention in small chunks between batches.
 *
 * <p>Submitting never throws. A reading already stored (same device and time) is skipped, not counted as
 * committed. When the database refuses writes the batch is kept and retried with back-off, the state says why,
 * and once the queue is full the oldest queued readings are dropped and counted.
 */
public final class ReadingWriter {
    private static final Logger log = LoggerFactory.getLogger(ReadingWriter.class);
    private static final long IDLE_POLL_MS = 1_000;
    private static final long MAX_BACKOFF_MS = 10_000;

    private sealed interface Item permits Row, Assign, Wake {
    }

    private record Row(Reading reading) implements Item {
    }

    /** @param fromFirst when the device has never been placed, place it from the beginning of its history */
    private record Assign(DeviceId device, RoomId room, Instant from, boolean fromFirst, CompletableFuture<Void> done)
            implements Item {
    }

    private record Wake() implements Item {
    }

    private static final Wake WAKE = new Wake();

    /** Running aggregate of one rollup bucket, one slot per stored metric. */
    private static final class Agg {
        final int[] n = new int[Schema.STORED.size()];
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

    private final StoreOptions options;
    private final Dialect dialect;
    private final Clock clock;
    private final Store.StateSink states;
    private final BlockingQueue<Item> queue;
    private final Thread thread;

    private final AtomicLong submitted = new AtomicLong();
    private final AtomicLong processed = new AtomicLong();
    private final AtomicLong committed = new AtomicLong();
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong retentionDeleted = new AtomicLong();
    private final Object progress = new Object();
    private final Object wakeup = new Object();
    private volatile boolean stopping;
    private volatile boolean healthy = true;
    private volatile long nextRetentionNanos = System.nanoTime();

    // Writer-thread state below.
    private final Statements statements;
    private final WriteFailures failures;
    private final Placements placements = new Placements();
    private final List<Reading> pending = new ArrayList<>();
    private final List<Item> drained = new ArrayList<>();
    private final List<Assign> assigns = new ArrayList<>();
    private final Map<Integer, Long> maxReadingKey = new HashMap<>();
    private final Map<Rollup, Map<Integer, Long>> maxRollupKey = new java.util.EnumMap<>(Rollup.class);
    /** Per device: its newest 5-minute bucket as written (the next batch usually adds to it). */
    private final Map<Integer, Touched> newestFive = new HashMap<>();
    private final Map<Integer, OpenHour> openHours = new HashMap<>();
    private ArrayList<Integer> retentionDevices;

    ReadingWriter(StoreOptions options, Clock clock, ConnectionPool connections, Store.StateSink states) {
        this.options = options;
        this.dialect = Dialect.of(options.jdbcUrl());
        this.clock = clock;
        this.states = states;
        this.statements = new Statements(connections, dialect);
        this.failures = new WriteFailures(states, dropped::get);
        this.queue = new LinkedBlockingDeque<>(options.queueCapacity());
        for (Rollup r : Rollup.values()) {
            maxRollupKey.put(r, new HashMap<>());
        }
        this.healthy = states.current().isOk();
        this.thread = new Thread(this::run, "store-writer");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /**
     * Queues one reading. Never throws and never blocks for long: when the queue is full it waits up to
     * {@link StoreOptions#submitWait()} (not at all while the store is failing), then drops the oldest queued
     * reading and counts it.
     */
    public void submit(Reading r) {
        if (r == null) {
            rejected.incrementAndGet();
            return;
        }
        enqueue(new Row(r));
    }

    /** Queues readings in order; see {@link #submit(Reading)}. */
    public void submitAll(List<Reading> rs) {
        if (rs == null) return;
        for (Reading r : rs) {
            submit(r);
        }
    }

    private void enqueue(Item item) {
        try {
            if (queue.offer(item)) {
                countSubmitted(item);
                return;
            }
            if (healthy && !stopping && queue.offer(item, options.submitWait().toNanos(), TimeUnit.NANOSECONDS)) {
                countSubmitted(item);
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        while (!queue.offer(item)) {
            if (!dropOldest()) {
                try { // only placements queued: wait for the writer rather than drop one
                    if (queue.offer(item, 50, TimeUnit.MILLISECONDS)) break;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        countSubmitted(item);
    }

    private void countSubmitted(Item item) {
        if (item instanceof Row) submitted.incrementAndGet();
    }

    /** Drops the oldest queued reading (counted) or wake-up marker; false if only placements are queued. */
    private boolean dropOldest() {
        for (Iterator<Item> it = queue.iterator(); it.hasNext(); ) {
            Item i = it.next();
            if (i instanceof Row || i instanceof Wake) {
                it.remove();
                if (i instanceof Row) {
                    dropped.incrementAndGet();
                    markProcessed(1);
                }
                return true;
            }
        }
        return false;
    }

    /**
     * Returns once every reading submitted before this call is committed, found to be a duplicate, rejected or
     * dropped.
     *
     * @throws StoreException if that does not happen within {@code timeout} (e.g. the database refuses writes)
     */
    public void flush(Duration timeout) {
        long target = submitted.get();
        queue.offer(WAKE);
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (progress) {
            while (processed.get() < target) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new StoreException("flush timed out after " + timeout + ": " + (target - processed.get())
                            + " readings not yet written (" + states.current().kind() + " " + states.current().detail() + ")");
                }
                try {
                    progress.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new StoreException("flush interrupted");
                }
            }
        }
    }

    /** Rows committed so far by this writer (duplicates not counted). */
    public long committedRows() {
        return committed.get();
    }

    /** Transactions committed so far with readings or placements in them (retention deletes not counted). */
    public long committedBatches() {
        return batches.get();
    }

    /** Readings skipped because the same device and time was already stored. */
    public long duplicateRows() {
        return duplicates.get();
    }

    /** Readings dropped because the queue was full (the store was failing or could not keep up). */
    public long droppedRows() {
        return dropped.get();
    }

    /** Readings not storable: null, before 1970, or without any stored metric. */
    public long rejectedRows() {
        return rejected.get();
    }

    /** Raw rows deleted by retention so far. */
    public long retentionDeletedRows() {
        return retentionDeleted.get();
    }

    /** Readings waiting in the queue. */
    public int queued() {
        return queue.size();
    }

    /** Asks the writer to look for raw readings past retention now (normally every {@link StoreOptions#retentionEvery()}). */
    public void runRetentionSoon() {
        nextRetentionNanos = System.nanoTime();
        queue.offer(WAKE);
    }

    CompletableFuture<Void> assign(DeviceId device, RoomId room, Instant from) {
        return assign(device, room, from, false);
    }

    CompletableFuture<Void> assign(DeviceId device, RoomId room, Instant from, boolean fromFirst) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        enqueue(new Assign(device, room, from, fromFirst, done));
        return done;
    }

    /** Stops accepting work, commits what is queued (one last attempt if the database is failing), stops the thread. */
    void stop(Duration timeout) {
        stopping = true;
        queue.offer(WAKE);
        synchronized (wakeup) {
            wakeup.notifyAll();
        }
        try {
            thread.join(timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            log.warn("store-writer did not stop within {}", timeout);
        }
    }

    /** Used by close(): the writer's connection, if still open, for H2's SHUTDOWN COMPACT. */
    Connection takeConnection() {
        return statements.take();
    }

    // ---------------------------------------------------------------------------------------------- writer thread

    private void run() {
        long backoffMs = 0;
        while (true) {
            boolean commitNow = false;
            if (pending.isEmpty() && assigns.isEmpty()) {
                if (stopping && !hasRows()) {
                    break;
                }
                Item first = poll(IDLE_POLL_MS * 1_000_000);
                if (first == null) {
                    retentionStep();
                    continue;
                }
                commitNow = accept(first);
            }
            long deadline = System.nanoTime() + options.batchInterval().toNanos();
            while (!commitNow && !stopping && pending.size() < options.batchRows()) {
                Item it = poll(deadline - System.nanoTime());
                if (it == null) break;
                commitNow = accept(it);
            }
            if (!commitNow || stopping) { // behind (or closing): take what is already queued, never wait for more
                // while the database refuses writes the batch stays at batchRows: the rest waits in the queue,
                // where the oldest are dropped and counted once it is full
                int room = (healthy ? options.backlogBatchRows() : options.batchRows()) - pending.size();
                if (room > 0) {
                    drained.clear();
                    queue.drainTo(drained, room); // one lock for all, not one per reading
                    for (Item it : drained) accept(it); // a placement or flush marker in there commits with the rows
                    drained.clear();
                }
            }
            if (pending.isEmpty() && assigns.isEmpty()) {
                retentionStep();
                continue;
            }
            if (writeBatch()) {
                backoffMs = 0;
                if (queue.size() < options.batchRows()) {
                    retentionStep();
                }
            } else if (stopping) {
                giveUp();
                break;
            } else {
                backoffMs = backoffMs == 0 ? 250 : Math.min(MAX_BACKOFF_MS, backoffMs * 2);
                pause(backoffMs);
            }
        }
        log.debug("store-writer stopped: {} committed, {} duplicates, {} dropped", committed, duplicates, dropped);
    }

    private boolean hasRows() {
        for (Item i : queue) {
            if (!(i instanceof Wake)) return true;
        }
        return false;
    }

    private Item poll(long nanos) {
        if (nanos <= 0) return queue.poll();
        try {
            return queue.poll(nanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            stopping = true;
            return null;
        }
    }

    /** @return true if the batch should be committed now */
    private boolean accept(Item item) {
        if (item instanceof Row row) {
            pending.add(row.reading());
            return false;
        }
        if (item instanceof Assign a) {
            assigns.add(a);
        }
        return true;
    }

    private void pause(long ms) {
        synchronized (wakeup) {
            if (stopping) return;
            try {
                wakeup.wait(ms);
            } catch (InterruptedException e) {
                stopping = true;
            }
        }
    }

    private void giveUp() {
        long lost = pending.size();
        for (Item i : queue) {
            if (i instanceof Row) lost++;
        }
        log.error("store closed while the database refuses writes: {} readings not written ({})", lost,
                states.current().detail());
        for (Assign a : assigns) {
            a.done().completeExceptionally(new StoreException("store closed before the placement was written"));
        }
        markProcessed(lost);
        pending.clear();
        queue.clear();
    }

    private void markProcessed(long n) {
        processed.addAndGet(n);
        synchronized (progress) {
            progress.notifyAll();
        }
    }

    private boolean writeBatch() {
        try {
            Connection c = statements.connection();
            for (Assign a : assigns) {
                placements.write(c, a.device(), a.room(), a.from(), a.fromFirst());
            }
            List<Reading> batch = List.copyOf(pending);
            int[] outcome = writeReadings(c, batch); // inserted, rejected
            statements.commit(c);
            committed.addAndGet(outcome[0]);
            batches.incrementAndGet();
            rejected.addAndGet(outcome[1]);
            duplicates.addAndGet(batch.size() - outcome[0] - outcome[1]);
            for (Assign a : assigns) {
                a.done().complete(null);
            }
            pending.clear();
            assigns.clear();
            healthy = true;
            failures.committed();
            markProcessed(batch.size());
            return true;
        } catch (SQLException | RuntimeException e) {
            failed(e);
            return false;
        }
    }

    private void failed(Exception e) {
        statements.rollbackQuietly();
        forgetCaches();
        statements.closeAll();
        healthy = false;
        if (failures.failed(e, pending.size() + queue.size()) == Kind.FAILING) {
            statements.closeConnection(); // may be broken (server restarted): the next batch opens a new one
        }
    }

    private void forgetCaches() {
        placements.forget();
        maxReadingKey.clear();
        openHours.clear();
        maxRollupKey.values().forEach(Map::clear);
        newestFive.clear();
        retentionDevices = null;
    }

    // ------------------------------------------------------------------------------------------------- readings

    private static final int METRICS = Schema.STORED.size();
    private static final String SQL_KEYS_IN_RANGE = "SELECT k FROM reading WHERE k >= ? AND k <= ?";
    private static final String SQL_FIVE_MINUTES_OF_HOUR = "SELECT " + Schema.rollupColumns() + " FROM "
            + Rollup.FIVE_MINUTES.table + " WHERE k >= ? AND k < ?";
    private static final String SQL_HOUR_EXISTS = "SELECT COUNT(*) FROM " + Rollup.HOUR.table + " WHERE k = ?";
    private static final String SQL_SELECT_FIVE_MINUTES = "SELECT " + Schema.rollupColumns() + " FROM "
            + Rollup.FIVE_MINUTES.table + " WHERE k = ?";
    private static final Map<Rollup, String> SQL_INSERT_AGG = new java.util.EnumMap<>(Rollup.class);
    private static final Map<Rollup, String> SQL_UPDATE_AGG = new java.util.EnumMap<>(Rollup.class);
    private static final Map<Rollup, String> SQL_MERGE_AGG = new java.util.EnumMap<>(Rollup.class);

    static {
        String cols = Schema.rollupColumns();
        String set = String.join(", ", java.util.Arrays.stream(cols.split(", ")).map(s -> s + " = ?").toList());
        for (Rollup r : Rollup.values()) {
            SQL_INSERT_AGG.put(r, "INSERT INTO " + r.table + " (" + cols + ", k) VALUES ("
                    + Schema.placeholders(METRICS * 4 + 1) + ")");
            SQL_UPDATE_AGG.put(r, "UPDATE " + r.table + " SET " + set + " WHERE k = ?");
            SQL_MERGE_AGG.put(r, "MERGE INTO " + r.table + " (" + cols + ", k) KEY (k) VALUES ("
                    + Schema.placeholders(METRICS * 4 + 1) + ")"); // H2 only
        }
    }

    /** A reading as stored: its key and the stored metrics' values; bit i of {@code mask} = STORED.get(i) present. */
    private static final class StoredRow {
        final long key;
        final float[] v = new float[METRICS];
        int mask;

        StoredRow(long key, Reading r) {
            this.key = key;
            Map<Metric, Double> values = r.values();
            for (int i = 0; i < METRICS; i++) {
                Double d = values.get(Schema.STORED.get(i));
                if (d != null) {
                    v[i] = d.floatValue();
                    mask |= 1 << i;
                }
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

    /** @return {inserted, rejected} */
    private int[] writeReadings(Connection c, List<Reading> batch) throws SQLException {
        if (batch.isEmpty()) return new int[] {0, 0};
        int rejectedNow = 0;
        Map<Integer, List<StoredRow>> byDevice = new HashMap<>();
        for (Reading r : batch) {
            if (!Schema.storable(r.time())) {
                rejectedNow++;
                continue;
            }
            int dev = placements.deviceId(c, r.device());
            StoredRow row = new StoredRow(Schema.key(dev, r.time().toEpochMilli()), r);
            if (row.mask == 0) {
                rejectedNow++;
                continue;
            }
            byDevice.computeIfAbsent(dev, d -> new ArrayList<>()).add(row);
        }
        int[] devices = byDevice.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
        List<StoredRow> rows = new ArrayList<>(batch.size());
        for (int dev : devices) {
            List<StoredRow> own = byDevice.get(dev);
            sortAndDropRepeats(own);
            removeStored(c, dev, own);
            rows.addAll(own);
        }
        if (rows.isEmpty()) return new int[] {0, rejectedNow};

        int[] counts = statements.insertAll(c, dialect.insertReading(), rows, ReadingWriter::bindReading);
        int inserted = rows.size();
        if (counts != null) {
            // PostgreSQL: 0 means another writer had the key (ON CONFLICT DO NOTHING)
            java.util.Set<StoredRow> lost = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
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
            if (!own.isEmpty()) maxReadingKey.merge(dev, own.get(own.size() - 1).key, Math::max);
        }
        updateRollups(c, devices, byDevice);
        return new int[] {inserted, rejectedNow};
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
        rows.sort(java.util.Comparator.comparingLong(r -> r.key)); // stable
        int w = 1;
        for (int i = 1; i < rows.size(); i++) {
            if (rows.get(i).key != rows.get(w - 1).key) rows.set(w++, rows.get(i));
        }
        rows.subList(w, rows.size()).clear();
    }

    /** Removes rows already in the table. Keys beyond the device's highest stored key need no look-up. */
    private void removeStored(Connection c, int dev, List<StoredRow> rows) throws SQLException {
        if (rows.isEmpty()) return;
        long maxKnown = maxKey(c, "reading", dev, maxReadingKey);
        long lo = rows.get(0).key;
        long hi = Math.min(rows.get(rows.size() - 1).key, maxKnown);
        if (lo > hi) return;
        java.util.Set<Long> stored = new java.util.HashSet<>();
        PreparedStatement ps = statements.prepared(c, SQL_KEYS_IN_RANGE);
        ps.setLong(1, lo);
        ps.setLong(2, hi);
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) stored.add(rs.getLong(1));
        }
        if (!stored.isEmpty()) rows.removeIf(r -> stored.contains(r.key));
    }

    private long maxKey(Connection c, String table, int dev, Map<Integer, Long> cache) throws SQLException {
        Long known = cache.get(dev);
        if (known != null) return known;
        long max = -1;
        {
            PreparedStatement ps = statements.prepared(c, "SELECT MAX(k) FROM " + table + " WHERE k >= ? AND k <= ?");
            ps.setLong(1, Schema.key(dev, 0));
            ps.setLong(2, Schema.key(dev, Schema.TIME_MASK));
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    long v = rs.getLong(1);
                    if (!rs.wasNull()) max = v;
                }
            }
        }
        cache.put(dev, max);
        return max;
    }

    // -------------------------------------------------------------------------------------------------- rollups

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
    private void updateRollups(Connection c, int[] devices, Map<Integer, List<StoredRow>> byDevice) throws SQLException {
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
            t.agg().exists = t.key() <= maxKey(c, Rollup.HOUR.table, dev, maxRollupKey.get(Rollup.HOUR))
                    && hourExists(c, t.key());
        }
        for (long[] late : lateHours) {
            hours.add(recomputeHour(c, (int) late[0], late[1]));
        }
        writeAggs(c, Rollup.HOUR, hours);
    }

    /** The device's open hour; loaded from the 5-minute rollups the first time (hourMs -1 when it has none). */
    private OpenHour openHour(Connection c, int dev) throws SQLException {
        OpenHour open = openHours.get(dev);
        if (open != null) return open;
        long max5 = maxKey(c, Rollup.FIVE_MINUTES.table, dev, maxRollupKey.get(Rollup.FIVE_MINUTES));
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
        if (bk > maxKey(c, Rollup.FIVE_MINUTES.table, dev, maxRollupKey.get(Rollup.FIVE_MINUTES))) {
            return agg; // the usual case: a bucket after the device's newest one
        }
        Touched newest = newestFive.get(dev);
        if (newest != null && newest.key() == bk) return newest.agg();
        {
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
        if (!inserts.isEmpty()) statements.insertAll(c, SQL_INSERT_AGG.get(r), inserts, ReadingWriter::bindAgg);
        if (!updates.isEmpty() && dialect == Dialect.H2) {
            // typically one per device (its open bucket): many rows per MERGE cost far less than one UPDATE each
            statements.insertAll(c, SQL_MERGE_AGG.get(r), updates, ReadingWriter::bindAgg);
        } else if (!updates.isEmpty()) {
            PreparedStatement upd = statements.prepared(c, SQL_UPDATE_AGG.get(r));
            for (Touched t : updates) {
                bindAgg(upd, 1, t);
                upd.addBatch();
            }
            upd.executeBatch();
        }
        Map<Integer, Long> max = maxRollupKey.get(r);
        for (Touched t : touched) {
            t.agg().exists = true; // after commit; on rollback every cache is cleared
            int dev = Schema.device(t.key());
            Long before = max.get(dev); // unknown stays unknown: maxKey reads it (with this transaction's rows)
            if (before != null && t.key() >= before) {
                max.put(dev, t.key());
                if (r == Rollup.FIVE_MINUTES) newestFive.put(dev, t);
            }
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

    // ------------------------------------------------------------------------------------------------ retention

    /** Deletes at most one chunk (one device, at most {@link StoreOptions#retentionChunk()}) of expired raw rows. */
    private void retentionStep() {
        if (stopping || options.rawRetention().isZero() || System.nanoTime() < nextRetentionNanos) return;
        try {
            Connection c = statements.connection();
            if (retentionDevices == null) {
                retentionDevices = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT id FROM device ORDER BY id");
                     ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) retentionDevices.add(rs.getInt(1));
                }
                c.rollback();
            }
            if (retentionDevices.isEmpty()) {
                retentionDevices = null;
                nextRetentionNanos = System.nanoTime() + options.retentionEvery().toNanos();
                return;
            }
            int dev = retentionDevices.get(retentionDevices.size() - 1);
            long cutoff = Math.max(0, clock.millis() - options.rawRetention().toMillis());
            Long oldest = null;
            try (PreparedStatement ps = c.prepareStatement("SELECT MIN(k) FROM reading WHERE k >= ? AND k < ?")) {
                ps.setLong(1, Schema.key(dev, 0));
                ps.setLong(2, Schema.key(dev, cutoff));
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        long v = rs.getLong(1);
                        if (!rs.wasNull()) oldest = v;
                    }
                }
            }
            if (oldest == null) {
                c.rollback();
                retentionDevices.remove(retentionDevices.size() - 1);
                return;
            }
            long end = Math.min(cutoff, Schema.millis(oldest) + options.retentionChunk().toMillis());
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM reading WHERE k >= ? AND k < ?")) {
                ps.setLong(1, Schema.key(dev, 0));
                ps.setLong(2, Schema.key(dev, end));
                int n = ps.executeUpdate();
                statements.commit(c);
                retentionDeleted.addAndGet(n);
                log.debug("retention: {} raw rows of device {} before {} deleted", n, dev, Instant.ofEpochMilli(end));
            }
        } catch (SQLException | RuntimeException e) {
            statements.rollbackQuietly();
            retentionDevices = null;
            nextRetentionNanos = System.nanoTime() + options.retentionEvery().toNanos();
            log.warn("retention step failed, next attempt in {}: {}", options.retentionEvery(), WriteFailures.rootMessage(e));
        }
    }

    @Override
    public String toString() {
        return "ReadingWriter[committed=" + committed + ", duplicates=" + duplicates + ", dropped=" + dropped
                + ", queued=" + queue.size() + "]";
    }
}
