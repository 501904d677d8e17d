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

    private final StoreOptions options;
    private final Dialect dialect;
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
    private final Object progress = new Object();
    private final Object wakeup = new Object();
    private volatile boolean stopping;
    private volatile boolean healthy = true;

    // Writer-thread state below.
    private final Statements statements;
    private final WriteFailures failures;
    private final Placements placements = new Placements();
    private final List<Reading> pending = new ArrayList<>();
    private final List<Item> drained = new ArrayList<>();
    private final List<Assign> assigns = new ArrayList<>();
    private final Rollups rollups;
    private final RawReadings readings;
    private final Retention retention;

    ReadingWriter(StoreOptions options, Clock clock, ConnectionPool connections, Store.StateSink states) {
        this.options = options;
        this.dialect = Dialect.of(options.jdbcUrl());
        this.states = states;
        this.statements = new Statements(connections, dialect);
        this.failures = new WriteFailures(states, dropped::get);
        this.queue = new LinkedBlockingDeque<>(options.queueCapacity());
        this.rollups = new Rollups(statements);
        this.readings = new RawReadings(statements, placements, rollups);
        this.retention = new Retention(options, clock, statements);
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
        return retention.deletedRows();
    }

    /** Readings waiting in the queue. */
    public int queued() {
        return queue.size();
    }

    /** Asks the writer to look for raw readings past retention now (normally every {@link StoreOptions#retentionEvery()}). */
    public void runRetentionSoon() {
        retention.runSoon();
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
            RawReadings.Written written = readings.write(c, batch);
            statements.commit(c);
            committed.addAndGet(written.inserted());
            batches.incrementAndGet();
            rejected.addAndGet(written.rejected());
            duplicates.addAndGet(batch.size() - written.inserted() - written.rejected());
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
        readings.forget();
        rollups.forget();
        retention.forget();
    }

    private void retentionStep() {
        if (!stopping) retention.step();
    }

    @Override
    public String toString() {
        return "ReadingWriter[committed=" + committed + ", duplicates=" + duplicates + ", dropped=" + dropped
                + ", queued=" + queue.size() + "]";
    }
}
