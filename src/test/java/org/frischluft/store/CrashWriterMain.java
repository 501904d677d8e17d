package org.frischluft.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.frischluft.model.DeviceId;
import org.frischluft.model.Reading;

/**
 * Writes readings steadily into the H2 file given as the first argument and prints {@code committed N} after
 * each flush, N being the number of readings (in order, from {@link #reading(Instant, int)}) known to be
 * committed. The second argument is the first reading's time in epoch ms (recent, or retention deletes them).
 * {@link CrashSafetyTest} kills it with SIGKILL.
 */
public final class CrashWriterMain {
    static final int DEVICES = 5;

    private CrashWriterMain() {
    }

    /** The i-th reading: devices in turn, one reading per device every 10 seconds. */
    static Reading reading(Instant t0, int i) {
        DeviceId d = DeviceId.of("crash-" + (i % DEVICES));
        return Reading.of(d, t0.plusSeconds(10L * (i / DEVICES)), 400.0 + i % 1000, 20.0 + (i % 50) / 10.0, 45.0);
    }

    public static void main(String[] args) {
        Instant t0 = Instant.ofEpochMilli(Long.parseLong(args[1]));
        StoreOptions o = StoreOptions.of("jdbc:h2:file:" + args[0]).withBatch(500, Duration.ofMillis(50));
        try (Store store = Store.open(o, Clock.systemUTC())) {
            int next = 0;
            while (true) {
                List<Reading> chunk = new ArrayList<>();
                for (int j = 0; j < 700; j++) chunk.add(reading(t0, next++));
                store.writer().submitAll(chunk);
                store.writer().flush(Duration.ofSeconds(30));
                System.out.println("committed " + next);
                System.out.flush();
            }
        }
    }
}
