package org.frischluft.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.frischluft.model.DeviceId;
import org.frischluft.model.Reading;
import org.frischluft.model.RoomId;
import org.frischluft.store.Schema.Dialect;
import org.frischluft.store.StoreState.Kind;
import org.frischluft.store.WriteQueue.Assign;
import org.frischluft.store.WriteQueue.Item;
import org.frischluft.store.WriteQueue.Row;
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

    private final StoreOptions options;
    private final Store.StateSink states;
    private final WriteQueue queue;
    private final Thread thread;

    private final AtomicLong committed = new AtomicLong();
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final Object wakeup = new Object();
    private volatile boolean stopping;
    private volatile boolean healthy;

    // Writer-thread state below.
    private final Statements statements;
    private final WriteFailures failures;
    private final Placements placements;
    private final Rollups rollups;
    private final RawReadings readings;
    private final Retention retention;
    private final Batch batch;
    private long droppedSeen;

    ReadingWriter(StoreOptions options, Clock clock, ConnectionPool connections, Store.StateSink states) {
        this.options = options;
        this.states = states;
        this.statements = new Statements(connections, Dialect.of(options.jdbcUrl()));
        this.placements = new Placements(statements.dialect());
        this.queue = new WriteQueue(options.queueCapacity(), options.submitWait(), () -> healthy && !stopping);
        this.failures = new WriteFailures(states, queue::dropped);
        this.rollups = new Rollups(statements);
        this.readings = new RawReadings(statements, placements, rollups);
        this.retention = new Retention(options, clock, statements);
        this.batch = new Batch(statements, placements, readings);
        this.healthy = states.current().isOk();
        this.thread = new Thread(() -> {
            try {
                run();
            } finally {
                queue.writerGone();
            }
        }, "store-writer");
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
        queue.enqueue(new Row(r));
    }

    /** Queues readings in order; see {@link #submit(Reading)}. */
    public void submitAll(List<Reading> rs) {
        if (rs == null) return;
        for (Reading r : rs) {
            submit(r);
        }
    }

    /**
     * Returns once every reading submitted before this call is committed, found to be a duplicate, rejected or
     * dropped.
     *
     * @throws StoreException if that does not happen within {@code timeout} (e.g. the database refuses writes)
     */
    public void flush(Duration timeout) {
        queue.awaitProcessed(timeout, states::current);
    }

    /**
     * Calls {@code done} (on {@code store-writer}) once every reading submitted before is committed or found to be
     * stored already: {@code true}; {@code false} if any reading may have been dropped (full queue) or given up
     * (store closed while failing) meanwhile, so whoever waits can have it sent again. Never throws.
     *
     * @param soon commit now rather than after {@link StoreOptions#batchInterval()}: nothing else is coming
     */
    public void whenCommitted(boolean soon, java.util.function.Consumer<Boolean> done) {
        queue.enqueue(new WriteQueue.Then(soon, done));
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
        return queue.dropped();
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
        queue.wake();
    }

    CompletableFuture<Void> assign(DeviceId device, RoomId room, Instant from) {
        return assign(device, room, from, false);
    }

    CompletableFuture<Void> assign(DeviceId device, RoomId room, Instant from, boolean fromFirst) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        queue.enqueue(new Assign(device, room, from, fromFirst, done));
        return done;
    }

    /** Stops accepting work, commits what is queued (one last attempt if the database is failing), stops the thread. */
    void stop(Duration timeout) {
        stopping = true;
        queue.wake();
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
        } else {
            queue.writerGone(); // also if it never started
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
            if (batch.isEmpty()) {
                if (stopping && !queue.hasWork()) {
                    break;
                }
                Item first = poll(IDLE_POLL_MS * 1_000_000);
                if (first == null) {
                    retentionStep();
                    continue;
                }
                commitNow = batch.accept(first);
            }
            long deadline = System.nanoTime() + options.batchInterval().toNanos();
            while (!commitNow && !stopping && batch.rows() < options.batchRows()) {
                Item it = poll(deadline - System.nanoTime());
                if (it == null) break;
                commitNow = batch.accept(it);
            }
            if (!commitNow || stopping) { // behind (or closing): take what is already queued, never wait for more
                // while the database refuses writes the batch stays at batchRows: the rest waits in the queue,
                // where the oldest are dropped and counted once it is full
                int room = (healthy ? options.backlogBatchRows() : options.batchRows()) - batch.rows();
                if (room > 0) batch.takeQueued(queue, room);
            }
            if (batch.isEmpty()) {
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
        log.debug("store-writer stopped: {} committed, {} duplicates, {} dropped", committed, duplicates, queue.dropped());
    }

    private Item poll(long nanos) {
        try {
            return queue.poll(nanos);
        } catch (InterruptedException e) {
            stopping = true;
            return null;
        }
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
        long lost = batch.rows() + queue.clear();
        log.error("store closed while the database refuses writes: {} readings not written ({})", lost,
                states.current().detail());
        batch.giveUp();
        queue.markProcessed(lost);
    }

    private boolean writeBatch() {
        try {
            int rows = batch.rows();
            RawReadings.Written written = batch.write();
            committed.addAndGet(written.inserted());
            batches.incrementAndGet();
            rejected.addAndGet(written.rejected());
            duplicates.addAndGet(rows - written.inserted() - written.rejected());
            long dropped = queue.dropped();
            batch.done(dropped == droppedSeen);
            droppedSeen = dropped;
            healthy = true;
            failures.committed();
            queue.markProcessed(rows);
            return true;
        } catch (SQLException | RuntimeException e) {
            failed(e);
            return false;
        }
    }

    /**
     * The one clean-up after a failed transaction: rolled back, every cache of the writer forgotten (they may
     * describe rows that were rolled back) and every statement closed (they may hold half-added batches). The
     * batch is kept for the retry.
     */
    private void failed(Exception e) {
        statements.rollbackQuietly();
        placements.forget();
        readings.forget();
        rollups.forget();
        retention.forget();
        statements.closeAll();
        healthy = false;
        if (failures.failed(e, batch.rows() + queue.size()) == Kind.FAILING) {
            statements.closeConnection(); // may be broken (server restarted): the next batch opens a new one
        }
    }

    private void retentionStep() {
        if (!stopping) retention.step();
    }

    @Override
    public String toString() {
        return "ReadingWriter[committed=" + committed + ", duplicates=" + duplicates + ", dropped=" + queue.dropped()
                + ", queued=" + queue.size() + "]";
    }
}
