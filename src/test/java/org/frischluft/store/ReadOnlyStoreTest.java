package org.frischluft.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.frischluft.model.DeviceId;
import org.frischluft.model.Metric;
import org.frischluft.model.Reading;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A database that refuses writes shows up as a state with words; ingest is never blocked or thrown at. */
class ReadOnlyStoreTest {
    static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    static final DeviceId DEV = DeviceId.of("70b3d57ed0001a01");

    @TempDir
    Path dir;

    @Test
    void readOnlyDatabaseTurnsStateReadOnlyAndSubmittingNeverThrows() {
        String url = "jdbc:h2:file:" + dir.resolve("history").toAbsolutePath();
        MutableClock clock = new MutableClock(T0);
        try (Store s = Store.open(StoreOptions.of(url), clock)) {
            for (int i = 0; i < 30; i++) s.writer().submit(Reading.of(DEV, T0.plusSeconds(60L * i), 700.0 + i, null, null));
            s.writer().flush(Duration.ofSeconds(20));
        }

        StoreOptions readOnly = StoreOptions.of(url + ";ACCESS_MODE_DATA=r").withBatch(10, Duration.ofMillis(50))
                .withQueueCapacity(20);
        List<StoreState> seen = new CopyOnWriteArrayList<>();
        try (Store s = Store.open(readOnly, clock)) {
            s.onStateChange(seen::add);
            assertThat(s.state().kind()).isEqualTo(StoreState.Kind.READ_ONLY);
            assertThat(s.state().detail()).contains("read-only");

            // submitting to a store that cannot write neither throws nor blocks the ingest worker
            java.util.concurrent.CompletableFuture<Void> submitted = java.util.concurrent.CompletableFuture.runAsync(() -> {
                for (int i = 0; i < 100; i++) s.writer().submit(Reading.of(DEV, T0.plusSeconds(6000L + i), 800.0, null, null));
            });
            await().atMost(Duration.ofSeconds(5)).until(submitted::isDone);
            assertThatCode(submitted::join).doesNotThrowAnyException();

            await().atMost(Duration.ofSeconds(20)).until(() -> s.state().detail().contains("readings dropped"));
            assertThat(s.state().kind()).isEqualTo(StoreState.Kind.READ_ONLY);
            assertThat(s.state().detail()).contains("history is not being recorded");
            assertThat(s.writer().droppedRows()).isGreaterThanOrEqualTo(100 - 20 - 10); // queue + one pending batch
            assertThat(s.writer().queued()).isLessThanOrEqualTo(20);
            assertThat(s.writer().committedRows()).isZero();
            assertThat(seen).isNotEmpty().allMatch(st -> st.kind() == StoreState.Kind.READ_ONLY);
            // what is there can still be shown
            assertThat(s.history().series(Subject.device(DEV), Metric.CO2, T0, T0.plusSeconds(3600), 100)).hasSize(30);
        }
    }
}
