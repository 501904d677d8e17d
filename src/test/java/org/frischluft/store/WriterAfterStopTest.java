package org.frischluft.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.frischluft.model.DeviceId;
import org.frischluft.model.Reading;
import org.frischluft.model.RoomId;
import org.frischluft.store.StoreState.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Once the writer has stopped nothing waits for it, even with the queue full of placements (which are never
 * dropped): a reading is counted as dropped, a placement fails, both at once.
 */
class WriterAfterStopTest {
    static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    static final DeviceId DEV = DeviceId.of("70b3d57ed0001a01");
    static final RoomId ROOM = RoomId.of("r-101");
    static final Duration AT_ONCE = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(T0);

    /** Room for one item in the queue. */
    private StoreOptions tinyQueue() {
        return StoreOptions.of("jdbc:h2:file:" + dir.resolve("history").toAbsolutePath())
                .withBatch(1, Duration.ofMillis(50)).withQueueCapacity(1);
    }

    private static Reading reading() {
        return Reading.of(DEV, T0, 800.0, null, null);
    }

    @Test
    void submitAfterCloseReturnsAtOnceAndCountsTheReadingAsDropped() {
        Store store = Store.open(tinyQueue(), clock);
        store.close();
        ReadingWriter w = store.writer();
        CompletableFuture<Void> placement = w.assign(DEV, ROOM, T0); // fills the queue if it is taken

        assertTimeoutPreemptively(AT_ONCE, () -> w.submit(reading()));
        assertThat(w.droppedRows()).isEqualTo(1);
        assertThat(w.queued()).isZero();
        assertThatCode(() -> w.flush(Duration.ofSeconds(1))).doesNotThrowAnyException();
        assertThatThrownBy(placement::join).hasCauseInstanceOf(StoreException.class);
    }

    @Test
    void placementsStillQueuedWhenTheWriterStopsFail() {
        ReadingWriter w = new ReadingWriter(tinyQueue(), clock, new ConnectionPool("jdbc:h2:mem:", null, null, 1),
                new Store.StateSink() {
                    @Override
                    public StoreState current() {
                        return new StoreState(Kind.OK, "", T0);
                    }

                    @Override
                    public void set(Kind kind, String detail) {
                    }
                });
        CompletableFuture<Void> placement = w.assign(DEV, ROOM, T0); // the writer never started: it waits
        w.stop(Duration.ofSeconds(1));

        assertThat(placement).isCompletedExceptionally();
        assertTimeoutPreemptively(AT_ONCE, () -> w.submit(reading()));
        assertThat(w.droppedRows()).isEqualTo(1);
        assertThatCode(() -> w.flush(Duration.ofSeconds(1))).doesNotThrowAnyException();
    }
}
