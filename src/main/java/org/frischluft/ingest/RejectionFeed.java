package org.frischluft.ingest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.frischluft.ingest.decode.RejectionLog;
import org.frischluft.model.RejectionSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries the ingest side's {@link RejectionLog} to the screens and, when asked, to a
 * {@link RejectionJournal} file. {@link #publish()} runs on the thread that records rejections (the
 * ingest worker's once-a-second tick): it puts a copied {@link RejectionSummary} into the screens' sink (the app puts it into the live state)
 * when something was rejected since the last call, and hands the new rejections to the
 * {@code rejections-writer} thread, so file I/O never slows ingest.
 */
public final class RejectionFeed implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RejectionFeed.class);

    private final RejectionLog log;
    private final Consumer<RejectionSummary> live;
    private volatile ThreadPoolExecutor writer;
    private volatile RejectionJournal journal;
    private final LongAdder notWritten = new LongAdder();
    private long lastTotal;
    private RejectionLog.Rejection lastSeen;

    public RejectionFeed(RejectionLog log, Consumer<RejectionSummary> live) {
        this.log = log;
        this.live = live;
    }

    /** From now on, also append every new rejection to {@code j}. */
    public synchronized void persistTo(RejectionJournal j) {
        if (writer != null) throw new IllegalStateException("already persisting to " + journal.file());
        journal = j;
        ThreadPoolExecutor w = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(32), r -> {
            Thread t = new Thread(r, "rejections-writer");
            t.setDaemon(true);
            return t;
        }, (task, executor) -> LOG.warn("rejections-writer is behind; a batch of rejections is not written to the file"));
        writer = w;
    }

    /** Publishes what changed since the last call; call from the thread that records rejections. */
    public synchronized void publish() {
        long total = log.total();
        if (total == lastTotal) return;
        List<RejectionLog.Rejection> recent = log.recent(); // a copy, newest first
        List<RejectionSummary.Entry> entries = new ArrayList<>(recent.size());
        List<RejectionSummary.Entry> fresh = new ArrayList<>();
        boolean old = false;
        for (RejectionLog.Rejection r : recent) {
            if (r == lastSeen) old = true; // identity: records of the same content are different rejections
            RejectionSummary.Entry e = new RejectionSummary.Entry(r.time(), r.topic(), r.reason(), r.excerpt());
            entries.add(e);
            if (!old) fresh.add(e);
        }
        if (!recent.isEmpty()) lastSeen = recent.get(0);
        long missed = (total - lastTotal) - fresh.size();
        lastTotal = total;
        live.accept(new RejectionSummary(total, log.counts(), entries));
        ThreadPoolExecutor w = writer;
        if (w != null && !fresh.isEmpty()) {
            if (missed > 0) notWritten.add(missed);
            Collections.reverse(fresh); // the file is oldest first
            List<RejectionSummary.Entry> batch = List.copyOf(fresh);
            w.execute(() -> write(batch));
        }
    }

    private void write(List<RejectionSummary.Entry> batch) {
        try {
            journal.append(batch);
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot write rejected messages to {}: {}", journal.file(), e.toString());
        }
    }

    /** Rejections that came faster than the log keeps them between two publishes, so never reached the file. */
    long notWritten() {
        return notWritten.sum();
    }

    /** Waits (bounded) for the pending writes; call after the last {@link #publish()}. */
    @Override
    public void close() {
        ThreadPoolExecutor w = writer;
        if (w == null) return;
        w.shutdown();
        try {
            if (!w.awaitTermination(10, TimeUnit.SECONDS)) LOG.warn("rejections-writer did not finish in 10 s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
