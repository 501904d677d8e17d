package org.frischluft.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LivenessTest {
    @TempDir
    Path dir;

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final AtomicInteger ended = new AtomicInteger();
    private final Instant start = Instant.parse("2026-12-02T08:00:00Z");
    private final java.time.Clock clock = new java.time.Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return start.plusNanos(nanos.get() - 1_000_000_000L);
        }
    };

    private Liveness liveness(Path file, Duration limit) {
        return new Liveness(file, limit, nanos::get, clock, ended::incrementAndGet);
    }

    private void pass(Duration d) {
        nanos.addAndGet(d.toNanos());
    }

    @Test
    void whileTheFxThreadBeatsTheHeartbeatFileIsRewrittenAndNothingEnds() throws Exception {
        Path file = dir.resolve("heartbeat");
        Liveness l = liveness(file, Duration.ofSeconds(30));
        for (int i = 0; i < 60; i++) {
            pass(Duration.ofSeconds(1));
            l.beat();
            l.check();
        }
        assertThat(Files.readString(file).strip()).isEqualTo("2026-12-02T08:01:00Z");
        assertThat(ended).hasValue(0);
    }

    @Test
    void aSilentFxThreadStopsTheHeartbeatAndEndsTheProcessOnceAfterTheLimit() throws Exception {
        Path file = dir.resolve("heartbeat");
        Liveness l = liveness(file, Duration.ofSeconds(30));
        l.beat();
        l.check();
        String written = Files.readString(file);
        pass(Duration.ofSeconds(11));
        l.check();
        assertThat(Files.readString(file)).as("no heartbeat for a thread silent 11 s").isEqualTo(written);
        assertThat(ended).hasValue(0);
        pass(Duration.ofSeconds(20));
        l.check();
        l.check();
        assertThat(ended).as("ended once, after 31 s").hasValue(1);
    }

    @Test
    void withoutALimitAHungThreadOnlyStopsTheHeartbeat() {
        Liveness l = liveness(null, Duration.ZERO);
        pass(Duration.ofHours(1));
        l.check();
        assertThat(ended).hasValue(0);
    }

    @Test
    void anUncaughtExceptionInAKioskEndsItOnceAndElsewhereOnlyLogs() {
        AtomicInteger kioskEnded = new AtomicInteger();
        CrashHandler kiosk = new CrashHandler(true, kioskEnded::incrementAndGet);
        kiosk.uncaughtException(Thread.currentThread(), new IllegalStateException("test: a bug in a handler"));
        kiosk.uncaughtException(Thread.currentThread(), new IllegalStateException("test: and another"));
        assertThat(kioskEnded).hasValue(1);

        AtomicInteger desktopEnded = new AtomicInteger();
        new CrashHandler(false, desktopEnded::incrementAndGet)
                .uncaughtException(Thread.currentThread(), new IllegalStateException("test: a bug"));
        assertThat(desktopEnded).hasValue(0);
    }
}
