package org.frischluft.store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.frischluft.model.DeviceId;
import org.frischluft.model.Reading;
import org.frischluft.model.RoomId;

/**
 * The writer's bounded queue, and the counts that say what became of the readings submitted to it. Any thread
 * submits; only {@code store-writer} takes. When the queue is full a submitter waits up to
 * {@link StoreOptions#submitWait()} (if the writer allows it), then the oldest queued reading is dropped and
 * counted. Placements are never dropped while the writer runs; once it has stopped nothing waits for it: a
 * reading submitted then counts as dropped and a placement fails at once.
 */
final class WriteQueue {
    sealed interface Item permits Row, Assign, Wake, Then {
    }

    /**
     * Told once every reading queued before it is committed ({@code true}), or {@code false} if any reading may
     * have been dropped or given up meanwhile. Never dropped itself while the writer runs.
     *
     * @param soon commit without waiting for a fuller batch
     */
    record Then(boolean soon, java.util.function.Consumer<Boolean> done) implements Item {
        void tell(boolean ok) {
            try {
                done.accept(ok);
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(WriteQueue.class).warn("a commit listener failed", e);
            }
        }
    }

    record Row(Reading reading) implements Item {
    }

    /** @param fromFirst when the device has never been placed, place it from the beginning of its history */
    record Assign(DeviceId device, RoomId room, Instant from, boolean fromFirst, CompletableFuture<Void> done)
            implements Item {
        void failStoreClosed() {
            done.completeExceptionally(new StoreException("store closed before the placement was written"));
        }
    }

    /** Makes the writer commit what it has (a flush, or a look at retention). */
    private record Wake() implements Item {
    }

    private static final Wake WAKE = new Wake();

    private final BlockingQueue<Item> queue;
    private final Duration submitWait;
    private final BooleanSupplier mayWait;
    private final AtomicLong submitted = new AtomicLong();
    private final AtomicLong processed = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final Object progress = new Object();
    private volatile boolean writerGone;

    /** @param mayWait whether a submitter may wait for room now (not while the store is failing or stopping) */
    WriteQueue(int capacity, Duration submitWait, BooleanSupplier mayWait) {
        this.queue = new LinkedBlockingDeque<>(capacity);
        this.submitWait = submitWait;
        this.mayWait = mayWait;
    }

    /** Any thread: queues a reading or placement; see the class comment for a full queue. */
    void enqueue(Item item) {
        if (writerGone) {
            refuse(item);
            return;
        }
        try {
            if (queue.offer(item)) {
                queued(item);
                return;
            }
            if (mayWait.getAsBoolean() && queue.offer(item, submitWait.toNanos(), TimeUnit.NANOSECONDS)) {
                queued(item);
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        while (!queue.offer(item)) {
            if (dropOldest()) continue;
            if (writerGone) { // only placements and commit listeners queued, and nobody will ever take them
                refuse(item);
                return;
            }
            try { // only placements queued: wait for the writer rather than drop one
                if (queue.offer(item, 50, TimeUnit.MILLISECONDS)) break;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        queued(item);
    }

    private void queued(Item item) {
        if (item instanceof Row) submitted.incrementAndGet();
        if (writerGone) discardQueued(); // the writer ended meanwhile and may never have seen the item
    }

    /** Any thread: the writer thread has ended, or will never start. Whatever is still queued is discarded. */
    void writerGone() {
        writerGone = true;
        discardQueued();
    }

    /** Never queued: nobody will take it. */
    private void refuse(Item item) {
        if (item instanceof Row) submitted.incrementAndGet();
        discard(item);
    }

    private void discardQueued() {
        List<Item> left = new ArrayList<>();
        queue.drainTo(left);
        for (Item i : left) discard(i);
    }

    /** A reading counts as dropped, a placement fails. */
    private void discard(Item item) {
        if (item instanceof Row) {
            dropped.incrementAndGet();
            markProcessed(1);
        } else if (item instanceof Assign a) {
            a.failStoreClosed();
        } else if (item instanceof Then t) {
            t.tell(false);
        }
    }

    /** Drops the oldest queued reading (counted) or wake-up marker; false if only placements are queued. */
    private boolean dropOldest() {
        for (Iterator<Item> it = queue.iterator(); it.hasNext(); ) {
            Item i = it.next();
            if (i instanceof Row || i instanceof Wake) {
                it.remove();
                discard(i);
                return true;
            }
        }
        return false;
    }

    /** Any thread: makes the writer commit what it has; no-op if the queue is full. */
    void wake() {
        queue.offer(WAKE);
    }

    /**
     * Any thread: returns once every reading submitted before this call is processed (see
     * {@link ReadingWriter#flush}).
     *
     * @param state for the message when the time is up
     */
    void awaitProcessed(Duration timeout, Supplier<StoreState> state) {
        long target = submitted.get();
        wake();
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (progress) {
            while (processed.get() < target) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new StoreException("flush timed out after " + timeout + ": " + (target - processed.get())
                            + " readings not yet written (" + state.get().kind() + " " + state.get().detail() + ")");
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

    /** Readings (committed, duplicate, rejected, dropped or given up) that flush no longer waits for. */
    void markProcessed(long n) {
        processed.addAndGet(n);
        synchronized (progress) {
            progress.notifyAll();
        }
    }

    long dropped() {
        return dropped.get();
    }

    /** Items queued: readings, placements and wake-up markers. */
    int size() {
        return queue.size();
    }

    // ------------------------------------------------------------------------------------------- writer side

    /** The next item, waiting at most {@code nanos}; null if none came. */
    Item poll(long nanos) throws InterruptedException {
        if (nanos <= 0) return queue.poll();
        return queue.poll(nanos, TimeUnit.NANOSECONDS);
    }

    /** Moves up to {@code max} queued items to {@code into}, under one lock rather than one per item. */
    void drainTo(List<Item> into, int max) {
        queue.drainTo(into, max);
    }

    /** Whether anything but wake-up markers is queued. */
    boolean hasWork() {
        for (Item i : queue) {
            if (!(i instanceof Wake)) return true;
        }
        return false;
    }

    /** Empties the queue; @return how many readings were in it. */
    long clear() {
        List<Item> left = new ArrayList<>();
        queue.drainTo(left);
        left.stream().filter(i -> i instanceof Then).forEach(i -> ((Then) i).tell(false));
        return left.stream().filter(i -> i instanceof Row).count();
    }
}
