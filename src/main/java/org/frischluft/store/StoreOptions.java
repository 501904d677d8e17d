package org.frischluft.store;

import java.time.Duration;
import java.util.Objects;

/**
 * How to open the history store.
 *
 * @param jdbcUrl           {@code jdbc:h2:file:...} (embedded default) or {@code jdbc:postgresql://...}
 * @param user              may be null
 * @param password          may be null; never logged
 * @param batchRows         commit at the latest after this many rows, unless more are already queued
 * @param batchInterval     commit at the latest this long after the first row of a batch arrived
 * @param backlogBatchRows  when readings are already waiting in the queue (the writer is behind), one transaction
 *                          takes up to this many of them instead of {@code batchRows}: with H2 every commit
 *                          rewrites each changed page, so fewer, larger commits let the writer catch up. The writer
 *                          never waits to fill such a batch, so latency when idle stays {@code batchInterval}.
 *                          While the database refuses writes the retried batch stays at {@code batchRows}.
 * @param rawRetention      raw readings older than this are deleted (rollups are kept); {@link Duration#ZERO}
 *                          keeps them forever (e.g. for a one-off export from a server with its own policy)
 * @param queueCapacity     readings the writer queue holds before submitters wait and, if it stays full, the
 *                          oldest queued reading is dropped (counted)
 * @param submitWait        how long {@link ReadingWriter#submit} may block on a full queue while the store is OK
 * @param retentionEvery    how often the writer looks for raw readings past retention
 * @param retentionChunk    at most this much time per device is deleted in one retention transaction
 * @param compactOnClose    H2 only: {@code SHUTDOWN COMPACT} on close (gives all free space back to the file
 *                          system; takes a few seconds on a large file). Without it H2 compacts in the background.
 */
public record StoreOptions(String jdbcUrl, String user, String password, int batchRows, Duration batchInterval,
                           int backlogBatchRows, Duration rawRetention, int queueCapacity, Duration submitWait,
                           Duration retentionEvery, Duration retentionChunk, boolean compactOnClose) {
    public StoreOptions {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (!jdbcUrl.startsWith("jdbc:h2:") && !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("unsupported database URL (expected jdbc:h2:... or jdbc:postgresql:...)");
        }
        if (batchRows < 1) throw new IllegalArgumentException("batchRows < 1");
        if (backlogBatchRows < batchRows) throw new IllegalArgumentException("backlogBatchRows < batchRows");
        if (queueCapacity < batchRows) throw new IllegalArgumentException("queueCapacity < batchRows");
        Objects.requireNonNull(batchInterval, "batchInterval");
        Objects.requireNonNull(rawRetention, "rawRetention");
        if (rawRetention.isNegative()) throw new IllegalArgumentException("rawRetention < 0");
        Objects.requireNonNull(submitWait, "submitWait");
        Objects.requireNonNull(retentionEvery, "retentionEvery");
        Objects.requireNonNull(retentionChunk, "retentionChunk");
    }

    /**
     * Defaults: 1,000 rows or 250 ms per batch (up to 10,000 rows while readings are queued), 90 days of raw
     * readings, a queue of 100,000 readings.
     */
    public static StoreOptions of(String jdbcUrl) {
        return new StoreOptions(jdbcUrl, null, null, 1_000, Duration.ofMillis(250), 10_000, Duration.ofDays(90), 100_000,
                Duration.ofSeconds(1), Duration.ofMinutes(10), Duration.ofDays(1), false);
    }

    public StoreOptions withCredentials(String user, String password) {
        return new StoreOptions(jdbcUrl, user, password, batchRows, batchInterval, backlogBatchRows, rawRetention, queueCapacity,
                submitWait, retentionEvery, retentionChunk, compactOnClose);
    }

    public StoreOptions withRawRetention(Duration retention) {
        return new StoreOptions(jdbcUrl, user, password, batchRows, batchInterval, backlogBatchRows, retention, queueCapacity,
                submitWait, retentionEvery, retentionChunk, compactOnClose);
    }

    public StoreOptions withQueueCapacity(int capacity) {
        return new StoreOptions(jdbcUrl, user, password, batchRows, batchInterval, backlogBatchRows, rawRetention, capacity,
                submitWait, retentionEvery, retentionChunk, compactOnClose);
    }

    /** Batch size and interval; the backlog batch grows to {@code rows} if it was smaller. */
    public StoreOptions withBatch(int rows, Duration interval) {
        return new StoreOptions(jdbcUrl, user, password, rows, interval, Math.max(rows, backlogBatchRows), rawRetention,
                queueCapacity, submitWait, retentionEvery, retentionChunk, compactOnClose);
    }

    /** At most this many already queued rows per transaction while the writer is behind; {@code batchRows} turns it off. */
    public StoreOptions withBacklogBatchRows(int rows) {
        return new StoreOptions(jdbcUrl, user, password, batchRows, batchInterval, rows, rawRetention, queueCapacity,
                submitWait, retentionEvery, retentionChunk, compactOnClose);
    }

    public StoreOptions withCompactOnClose(boolean compact) {
        return new StoreOptions(jdbcUrl, user, password, batchRows, batchInterval, backlogBatchRows, rawRetention, queueCapacity,
                submitWait, retentionEvery, retentionChunk, compact);
    }

    public boolean isH2() {
        return jdbcUrl.startsWith("jdbc:h2:");
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "StoreOptions[" + jdbcUrl + ", user=" + user + ", batchRows=" + batchRows + ", batchInterval="
                + batchInterval + ", backlogBatchRows=" + backlogBatchRows + ", rawRetention=" + rawRetention + ", queueCapacity=" + queueCapacity + "]";
    }
}
