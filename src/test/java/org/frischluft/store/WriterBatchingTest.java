package org.frischluft.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.frischluft.model.DeviceId;
import org.frischluft.model.Reading;
import org.frischluft.store.StoreState.Kind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the writer cuts transactions: at most {@code batchRows} while it keeps up, up to {@code backlogBatchRows}
 * of the readings already queued when it is behind. The readings are queued before the writer thread starts, so
 * "behind" is certain rather than a race.
 */
class WriterBatchingTest {
    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(T0.plus(Duration.ofDays(1)));
    private final List<ReadingWriter> writers = new ArrayList<>();

    @AfterEach
    void stopWriters() throws Exception {
        for (ReadingWriter w : writers) {
            w.stop(Duration.ofSeconds(20));
            java.sql.Connection c = w.takeConnection();
            if (c != null) c.close();
        }
    }

    private ReadingWriter writerNotStarted(StoreOptions o) {
        Store.open(o, clock).close(); // creates the schema
        String url = Schema.Dialect.H2.effectiveUrl(o.jdbcUrl());
        ReadingWriter w = new ReadingWriter(o, clock, new ConnectionPool(url, null, null, 1), new Store.StateSink() {
            private StoreState state = new StoreState(Kind.OK, "", T0);

            @Override
            public StoreState current() {
                return state;
            }

            @Override
            public void set(Kind kind, String detail) {
                state = new StoreState(kind, detail, T0);
            }
        });
        writers.add(w);
        return w;
    }

    private static List<Reading> readings(int n) {
        List<Reading> rs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rs.add(Reading.of(DeviceId.of("dev-" + i % 7), T0.plusSeconds(10L * (i / 7)), 400.0 + i % 900, 21.0, 40.0));
        }
        return rs;
    }

    private StoreOptions options(int backlogBatchRows) {
        return StoreOptions.of("jdbc:h2:file:" + dir.resolve("history").toAbsolutePath())
                .withBatch(100, Duration.ofSeconds(10))
                .withBacklogBatchRows(backlogBatchRows);
    }

    @Test
    void queuedReadingsCommitTogetherUpToTheBacklogLimit() {
        ReadingWriter w = writerNotStarted(options(2_000));
        w.submitAll(readings(5_000));
        w.start();
        w.flush(Duration.ofSeconds(30));

        assertThat(w.committedRows()).isEqualTo(5_000);
        assertThat(w.committedBatches()).as("2,000 + 2,000 + 1,000").isEqualTo(3);
    }

    @Test
    void backlogLimitEqualToBatchRowsKeepsEveryTransactionAtBatchRows() {
        ReadingWriter w = writerNotStarted(options(100));
        w.submitAll(readings(5_000));
        w.start();
        w.flush(Duration.ofSeconds(30));

        assertThat(w.committedRows()).isEqualTo(5_000);
        assertThat(w.committedBatches()).isEqualTo(50);
    }

    @Test
    void aCommitListenerHearsOnlyAfterTheReadingsBeforeItAreCommitted() throws Exception {
        ReadingWriter w = writerNotStarted(options(2_000));
        w.submitAll(readings(250));
        java.util.concurrent.CompletableFuture<Long> rowsWhenTold = new java.util.concurrent.CompletableFuture<>();
        java.util.concurrent.atomic.AtomicBoolean ok = new java.util.concurrent.atomic.AtomicBoolean();
        w.whenCommitted(true, committed -> {
            ok.set(committed);
            rowsWhenTold.complete(w.committedRows());
        });
        assertThat(rowsWhenTold).isNotDone();
        w.start();
        assertThat(rowsWhenTold.get(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(250);
        assertThat(ok).isTrue();
    }

    @Test
    void aCommitListenerHearsFalseWhenReadingsWereDroppedBeforeIt() throws Exception {
        StoreOptions b = options(2_000);
        StoreOptions o = new StoreOptions(b.jdbcUrl(), null, null, 100, b.batchInterval(), 2_000, b.rawRetention(), 100,
                Duration.ZERO, b.retentionEvery(), b.retentionChunk(), false); // a full queue drops at once
        ReadingWriter w = writerNotStarted(o);
        w.submitAll(readings(150)); // 50 of them are dropped: the queue holds 100
        java.util.concurrent.CompletableFuture<Boolean> told = new java.util.concurrent.CompletableFuture<>();
        w.whenCommitted(false, told::complete);
        w.start();
        assertThat(told.get(30, java.util.concurrent.TimeUnit.SECONDS)).isFalse();
        assertThat(w.droppedRows()).isPositive();
    }
}
