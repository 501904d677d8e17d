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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
 * after the first row), updates the 5-minute and hourly rollups in the same transaction, and deletes raw
 * readings past retention in small chunks between batches.
 *
 * <p>Submitting never throws. A reading already stored (same device and time) is skipped, not counted as
 * committed. When the database refuses writes the batch is kept and retried with back-off, the state says why,
 * and once the queue is full the oldest queued readings are dropped and counted.
 */
public final class ReadingWriter {
    private static final Logger log = LoggerFactory.getLogger(ReadingWriter.class);
    private static final long IDLE_POLL_MS = 1_000;
    private static final long MAX_BACKOFF_MS = 10_000;
    private static final int ROLLUP_CACHE = 8_192;
    /** H2: fsync after a commit at most this often (bounds what a power cut can take). */
    static final Duration SYNC_EVERY = Duration.ofSeconds(5);

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
    }

    private final StoreOptions options;
    private final Dialect dialect;
    private final Clock clock;
    private final ConnectionPool connections;
    private final Store.StateSink states;
    private final BlockingQueue<Item> queue;
    private final Thread thread;

    private final AtomicLong submitted = new AtomicLong();
    private final AtomicLong processed = new AtomicLong();
    private final AtomicLong committed = new AtomicLong();
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
    private Connection conn;
    private final List<Reading> pending = new ArrayList<>();
    private final List<Assign> assigns = new ArrayList<>();
    private final Map<String, Integer> deviceIds = new HashMap<>();
    private final Map<Integer, Long> maxReadingKey = new HashMap<>();
    private final Map<Rollup, Map<Integer, Long>> maxRollupKey = new HashMap<>();
    private final Map<Rollup, LinkedHashMap<Long, Agg>> rollupCache = new HashMap<>();
    /** Per device: start of its newest hour with data (not yet in the hourly table). */
    private final Map<Integer, Long> openHour = new HashMap<>();
    private final Map<String, PreparedStatement> statements = new HashMap<>();
    private Connection statementsOf;
    private ArrayList<Integer> retentionDevices;
    private long droppedReported;
    private long lastSyncNanos = System.nanoTime();

    ReadingWriter(StoreOptions options, Clock clock, ConnectionPool connections, Store.StateSink states) {
        this.options = options;
        this.dialect = Dialect.of(options.jdbcUrl());
        this.clock = clock;
        this.connections = connections;
        this.states = states;
        this.queue = new LinkedBlockingDeque<>(options.queueCapacity());
        for (Rollup r : Rollup.values()) {
            maxRollupKey.put(r, new HashMap<>());
            rollupCache.put(r, new LinkedHashMap<>(1024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Long, Agg> eldest) {
                    return size() > ROLLUP_CACHE;
                }
            });
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
        Connection c = conn;
        conn = null;
        return c;
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
            if (stopping) {
                Item it;
                while (pending.size() < options.batchRows() && (it = queue.poll()) != null) {
                    accept(it);
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

    private Connection connection() throws SQLException {
        if (conn == null || conn.isClosed()) {
            statements.clear();
            conn = connections.open();
        }
        return conn;
    }

    /**
     * The writer's statements stay prepared on its connection: H2 re-parses SQL otherwise (its per-session
     * cache holds only a few statements), which for the 25-column rollup statements cost more than the writes.
     */
    private PreparedStatement prepared(Connection c, String sql) throws SQLException {
        if (statementsOf != c) {
            statements.clear();
            statementsOf = c;
        }
        PreparedStatement ps = statements.get(sql);
        if (ps == null || ps.isClosed()) {
            ps = c.prepareStatement(sql);
            statements.put(sql, ps);
        }
        return ps;
    }

    private boolean writeBatch() {
        try {
            Connection c = connection();
            for (Assign a : assigns) {
                writePlacement(c, a);
            }
            List<Reading> batch = List.copyOf(pending);
            int[] outcome = writeReadings(c, batch); // inserted, rejected
            c.commit();
            durable(c);
            committed.addAndGet(outcome[0]);
            rejected.addAndGet(outcome[1]);
            duplicates.addAndGet(batch.size() - outcome[0] - outcome[1]);
            for (Assign a : assigns) {
                a.done().complete(null);
            }
            pending.clear();
            assigns.clear();
            healthy = true;
            long d = dropped.get();
            if (states.current().kind() != Kind.OK || d != droppedReported) {
                droppedReported = d;
                states.set(Kind.OK, d == 0 ? "" : d + " readings dropped because the writer could not keep up");
            }
            markProcessed(batch.size());
            return true;
        } catch (SQLException | RuntimeException e) {
            failed(e);
            return false;
        }
    }

    private void durable(Connection c) throws SQLException {
        String sql = dialect.periodicSync();
        if (sql == null || System.nanoTime() - lastSyncNanos < SYNC_EVERY.toNanos()) return;
        lastSyncNanos = System.nanoTime();
        try (java.sql.Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private void failed(Exception e) {
        rollbackQuietly();
        forgetCaches();
        for (PreparedStatement ps : statements.values()) { // may hold half-added batches
            try {
                ps.close();
            } catch (SQLException ignored) {
                // dropped anyway
            }
        }
        statements.clear();
        healthy = false;
        Kind kind = classify(e);
        String what = switch (kind) {
            case READ_ONLY -> "database is read-only";
            case DISK_FULL -> "no space left for the database";
            default -> "database write failed";
        };
        long d = dropped.get();
        String detail = what + ": history is not being recorded, retrying (" + rootMessage(e) + ")"
                + (d > 0 ? "; " + d + " readings dropped" : "") + "; " + (pending.size() + queue.size())
                + " readings waiting";
        if (states.current().kind() != kind) {
            log.warn("{}", detail, e);
        }
        states.set(kind, detail);
        if (kind == Kind.FAILING) {
            // the connection may be broken (server restarted): open a new one next time
            Connection c = conn;
            conn = null;
            try {
                if (c != null) c.close();
            } catch (SQLException ignored) {
                // broken anyway
            }
        }
    }

    static Kind classify(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s) {
                int code = s.getErrorCode();
                String state = s.getSQLState() == null ? "" : s.getSQLState();
                if (code == org.h2.api.ErrorCode.DATABASE_IS_READ_ONLY || state.equals("25006")) return Kind.READ_ONLY;
                if (state.equals("53100")) return Kind.DISK_FULL;
            }
            String m = String.valueOf(t.getMessage()).toLowerCase(java.util.Locale.ROOT);
            if (m.contains("no space left") || m.contains("disk full")) return Kind.DISK_FULL;
            if (m.contains("read only") || m.contains("read-only") || m.contains("readonly")) return Kind.READ_ONLY;
        }
        return Kind.FAILING;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        int nl = m.indexOf('\n');
        return nl > 0 ? m.substring(0, nl) : m;
    }

    private void rollbackQuietly() {
        try {
            if (conn != null && !conn.isClosed()) conn.rollback();
        } catch (SQLException ignored) {
            // the connection is dropped on the next failure anyway
        }
    }

    private void forgetCaches() {
        deviceIds.clear();
        maxReadingKey.clear();
        openHour.clear();
        maxRollupKey.values().forEach(Map::clear);
        rollupCache.values().forEach(Map::clear);
        retentionDevices = null;
    }

    // ------------------------------------------------------------------------------------------------ placement

    private void writePlacement(Connection c, Assign a) throws SQLException {
        int dev = deviceId(c, a.device());
        long from = Schema.clampMillis(a.from());
        if (a.fromFirst() && a.room() != null) {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM placement WHERE device_id = ?")) {
                ps.setInt(1, dev);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next() && rs.getLong(1) == 0) {
                        from = 0; // never placed: its earlier, unassigned readings were taken in this room too
                    }
                }
            }
        }
        if (a.room() != null) {
            try (PreparedStatement ps = c.prepareStatement("SELECT room_id FROM placement WHERE device_id = ? "
                    + "AND valid_to IS NULL AND valid_from <= ?")) {
                ps.setInt(1, dev);
                ps.setLong(2, from);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next() && rs.getString(1).equals(a.room().value())) {
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
        if (a.room() != null) {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO placement (device_id, room_id, valid_from, valid_to) VALUES (?, ?, ?, NULL)")) {
                ps.setInt(1, dev);
                ps.setString(2, a.room().value());
                ps.setLong(3, from);
                ps.executeUpdate();
            }
        }
    }

    private int deviceId(Connection c, DeviceId device) throws SQLException {
        Integer id = deviceIds.get(device.value());
        if (id != null) return id;
        id = selectDeviceId(c, device.value());
        if (id == null) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO device (name) VALUES (?)")) {
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

    // ------------------------------------------------------------------------------------------------- readings

    /** @return {inserted, rejected} */
    private int[] writeReadings(Connection c, List<Reading> batch) throws SQLException {
        if (batch.isEmpty()) return new int[] {0, 0};
        int rejectedNow = 0;
        TreeMap<Long, Reading> byKey = new TreeMap<>();
        for (Reading r : batch) {
            if (!Schema.storable(r.time()) || Schema.STORED.stream().noneMatch(r::has)) {
                rejectedNow++;
                continue;
            }
            byKey.putIfAbsent(Schema.key(deviceId(c, r.device()), r.time().toEpochMilli()), r);
        }
        removeStored(c, byKey);
        if (byKey.isEmpty()) return new int[] {0, rejectedNow};

        List<Long> keys = new ArrayList<>(byKey.keySet());
        int[] counts;
        {
            PreparedStatement ps = prepared(c, dialect.insertReading());
            for (Map.Entry<Long, Reading> e : byKey.entrySet()) {
                ps.setLong(1, e.getKey());
                int col = 2;
                for (Metric m : Schema.STORED) {
                    Double v = e.getValue().values().get(m);
                    if (v == null) ps.setNull(col++, Types.REAL);
                    else ps.setFloat(col++, v.floatValue());
                }
                ps.addBatch();
            }
            counts = ps.executeBatch();
        }
        Map<Long, Reading> inserted = new TreeMap<>();
        for (int i = 0; i < keys.size(); i++) {
            // SUCCESS_NO_INFO (-2) counts as inserted; 0 means another writer had it (PostgreSQL ON CONFLICT)
            if (counts[i] != 0) inserted.put(keys.get(i), byKey.get(keys.get(i)));
        }
        for (Long k : inserted.keySet()) {
            maxReadingKey.merge(Schema.device(k), k, Math::max);
        }
        updateRollups(c, inserted);
        return new int[] {inserted.size(), rejectedNow};
    }

    /** Removes keys already in the table. Keys beyond a device's highest stored key need no look-up. */
    private void removeStored(Connection c, TreeMap<Long, Reading> byKey) throws SQLException {
        if (byKey.isEmpty()) return;
        Map<Integer, long[]> ranges = new LinkedHashMap<>();
        for (long k : byKey.keySet()) {
            ranges.compute(Schema.device(k), (d, r) -> r == null ? new long[] {k, k} : new long[] {r[0], k});
        }
        for (Map.Entry<Integer, long[]> e : ranges.entrySet()) {
            int dev = e.getKey();
            long maxKnown = maxKey(c, "reading", dev, maxReadingKey);
            long lo = e.getValue()[0];
            long hi = Math.min(e.getValue()[1], maxKnown);
            if (lo > hi) continue;
            {
                PreparedStatement ps = prepared(c, "SELECT k FROM reading WHERE k >= ? AND k <= ?");
                ps.setLong(1, lo);
                ps.setLong(2, hi);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) byKey.remove(rs.getLong(1));
                }
            }
        }
    }

    private long maxKey(Connection c, String table, int dev, Map<Integer, Long> cache) throws SQLException {
        Long known = cache.get(dev);
        if (known != null) return known;
        long max = -1;
        {
            PreparedStatement ps = prepared(c, "SELECT MAX(k) FROM " + table + " WHERE k >= ? AND k <= ?");
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
     * device has data in a later hour (or late data arrives for a closed hour): it is then recomputed from its
     * twelve 5-minute rows, in the same transaction. A device's newest hour stays open; queries read it from
     * the 5-minute rollups. This keeps the hourly table out of most commits.
     */
    private void updateRollups(Connection c, Map<Long, Reading> inserted) throws SQLException {
        if (inserted.isEmpty()) return;
        Rollup r = Rollup.FIVE_MINUTES;
        Map<Integer, java.util.TreeSet<Long>> hours = new HashMap<>();
        Map<Integer, Long> openBefore = new HashMap<>();
        Map<Long, Agg> touched = new TreeMap<>();
        for (Map.Entry<Long, Reading> e : inserted.entrySet()) {
            int dev = Schema.device(e.getKey());
            long ms = Schema.millis(e.getKey());
            if (!openBefore.containsKey(dev)) {
                long max5 = maxKey(c, r.table, dev, maxRollupKey.get(r));
                openBefore.put(dev, openHour.getOrDefault(dev, max5 < 0 ? -1 : Rollup.HOUR.bucket(Schema.millis(max5))));
            }
            hours.computeIfAbsent(dev, d -> new java.util.TreeSet<>()).add(Rollup.HOUR.bucket(ms));
            long bk = Schema.key(dev, r.bucket(ms));
            Agg agg = touched.get(bk);
            if (agg == null) {
                agg = loadAgg(c, r, dev, bk);
                touched.put(bk, agg);
            }
            for (Map.Entry<Metric, Double> v : e.getValue().values().entrySet()) {
                int i = Schema.index(v.getKey());
                if (i >= 0) agg.add(i, v.getValue().floatValue());
            }
        }
        writeAggs(c, r, touched);

        for (Map.Entry<Integer, java.util.TreeSet<Long>> e : hours.entrySet()) {
            int dev = e.getKey();
            long open = openBefore.get(dev);
            long newOpen = Math.max(open, e.getValue().last());
            java.util.TreeSet<Long> close = new java.util.TreeSet<>(e.getValue().headSet(newOpen, false));
            if (open >= 0 && open < newOpen) close.add(open);
            for (long h : close) {
                closeHour(c, dev, h);
            }
            openHour.put(dev, newOpen);
        }
    }

    private void closeHour(Connection c, int dev, long hourMs) throws SQLException {
        Agg agg = new Agg();
        {
            PreparedStatement ps = prepared(c, "SELECT " + Schema.rollupColumns() + " FROM "
                + Rollup.FIVE_MINUTES.table + " WHERE k >= ? AND k < ?");
            ps.setLong(1, Schema.key(dev, hourMs));
            ps.setLong(2, Schema.key(dev, hourMs + Rollup.HOUR.widthMs));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int col = 1;
                    for (int i = 0; i < agg.n.length; i++) {
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
        }
        long k = Schema.key(dev, hourMs);
        boolean exists;
        {
            PreparedStatement ps = prepared(c, "SELECT COUNT(*) FROM " + Rollup.HOUR.table + " WHERE k = ?");
            ps.setLong(1, k);
            try (ResultSet rs = ps.executeQuery()) {
                exists = rs.next() && rs.getLong(1) > 0;
            }
        }
        agg.exists = exists;
        writeAggs(c, Rollup.HOUR, Map.of(k, agg));
    }

    private Agg loadAgg(Connection c, Rollup r, int dev, long bk) throws SQLException {
        Agg cached = rollupCache.get(r).get(bk);
        if (cached != null) return cached;
        Agg agg = new Agg();
        if (bk <= maxKey(c, r.table, dev, maxRollupKey.get(r))) {
            {
                PreparedStatement ps = prepared(c, "SELECT " + Schema.rollupColumns() + " FROM " + r.table + " WHERE k = ?");
                ps.setLong(1, bk);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        agg.exists = true;
                        int col = 1;
                        for (int i = 0; i < agg.n.length; i++) {
                            agg.n[i] = rs.getInt(col++);
                            agg.sum[i] = rs.getDouble(col++);
                            agg.min[i] = rs.getFloat(col++);
                            agg.max[i] = rs.getFloat(col++);
                        }
                    }
                }
            }
        }
        return agg;
    }

    private void writeAggs(Connection c, Rollup r, Map<Long, Agg> touched) throws SQLException {
        String cols = Schema.rollupColumns();
        int nCols = Schema.STORED.size() * 4;
        String set = String.join(", ", java.util.Arrays.stream(cols.split(", ")).map(s -> s + " = ?").toList());
        {
            PreparedStatement ins = prepared(c, "INSERT INTO " + r.table + " (" + cols + ", k) VALUES ("
                    + Schema.placeholders(nCols + 1) + ")");
            PreparedStatement upd = prepared(c, "UPDATE " + r.table + " SET " + set + " WHERE k = ?");
            boolean anyIns = false;
            boolean anyUpd = false;
            for (Map.Entry<Long, Agg> e : touched.entrySet()) {
                Agg a = e.getValue();
                PreparedStatement ps = a.exists ? upd : ins;
                int col = 1;
                for (int i = 0; i < a.n.length; i++) {
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
                ps.setLong(col, e.getKey());
                ps.addBatch();
                anyIns |= !a.exists;
                anyUpd |= a.exists;
            }
            if (anyIns) ins.executeBatch();
            if (anyUpd) upd.executeBatch();
        }
        Map<Integer, Long> max = maxRollupKey.get(r);
        LinkedHashMap<Long, Agg> cache = rollupCache.get(r);
        for (Map.Entry<Long, Agg> e : touched.entrySet()) {
            e.getValue().exists = true; // after commit; on rollback every cache is cleared
            cache.put(e.getKey(), e.getValue());
            max.merge(Schema.device(e.getKey()), e.getKey(), Math::max);
        }
    }

    // ------------------------------------------------------------------------------------------------ retention

    /** Deletes at most one chunk (one device, at most {@link StoreOptions#retentionChunk()}) of expired raw rows. */
    private void retentionStep() {
        if (stopping || options.rawRetention().isZero() || System.nanoTime() < nextRetentionNanos) return;
        try {
            Connection c = connection();
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
                c.commit();
                durable(c);
                retentionDeleted.addAndGet(n);
                log.debug("retention: {} raw rows of device {} before {} deleted", n, dev, Instant.ofEpochMilli(end));
            }
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly();
            retentionDevices = null;
            nextRetentionNanos = System.nanoTime() + options.retentionEvery().toNanos();
            log.warn("retention step failed, next attempt in {}: {}", options.retentionEvery(), rootMessage(e));
        }
    }

    @Override
    public String toString() {
        return "ReadingWriter[committed=" + committed + ", duplicates=" + duplicates + ", dropped=" + dropped
                + ", queued=" + queue.size() + "]";
    }
}
