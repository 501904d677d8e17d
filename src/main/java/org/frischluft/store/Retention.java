package org.frischluft.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes raw readings past {@link StoreOptions#rawRetention()}, one device and at most
 * {@link StoreOptions#retentionChunk()} per transaction, between the writer's batches ({@code store-writer}
 * thread). Rollups are kept. Looks every {@link StoreOptions#retentionEvery()}, or soon when asked.
 */
final class Retention {
    private static final Logger log = LoggerFactory.getLogger(ReadingWriter.class); // the writer's lines, as before

    private final StoreOptions options;
    private final Clock clock;
    private final Statements statements;
    private final AtomicLong deleted = new AtomicLong();
    private volatile long nextNanos = System.nanoTime();
    /** Devices still to look at in this round, the next one last; null: read them at the next step. */
    private ArrayList<Integer> devices;

    Retention(StoreOptions options, Clock clock, Statements statements) {
        this.options = options;
        this.clock = clock;
        this.statements = statements;
    }

    /** Any thread: look now rather than at the next regular time. */
    void runSoon() {
        nextNanos = System.nanoTime();
    }

    /** Any thread: raw rows deleted so far. */
    long deletedRows() {
        return deleted.get();
    }

    /** If a look is due: deletes at most one chunk of one device's expired raw rows, in its own transaction. */
    void step() {
        if (options.rawRetention().isZero() || System.nanoTime() < nextNanos) return;
        try {
            Connection c = statements.connection();
            if (devices == null) {
                devices = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT id FROM device ORDER BY id");
                     ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) devices.add(rs.getInt(1));
                }
                c.rollback();
            }
            if (devices.isEmpty()) {
                devices = null;
                nextNanos = System.nanoTime() + options.retentionEvery().toNanos();
                return;
            }
            int dev = devices.get(devices.size() - 1);
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
                devices.remove(devices.size() - 1);
                return;
            }
            long end = Math.min(cutoff, Schema.millis(oldest) + options.retentionChunk().toMillis());
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM reading WHERE k >= ? AND k < ?")) {
                ps.setLong(1, Schema.key(dev, 0));
                ps.setLong(2, Schema.key(dev, end));
                int n = ps.executeUpdate();
                statements.commit(c);
                deleted.addAndGet(n);
                log.debug("retention: {} raw rows of device {} before {} deleted", n, dev, Instant.ofEpochMilli(end));
            }
        } catch (SQLException | RuntimeException e) {
            statements.rollbackQuietly();
            devices = null;
            nextNanos = System.nanoTime() + options.retentionEvery().toNanos();
            log.warn("retention step failed, next attempt in {}: {}", options.retentionEvery(), WriteFailures.rootMessage(e));
        }
    }

    /** After a rolled-back transaction: start the round again with the devices as committed. */
    void forget() {
        devices = null;
    }
}
