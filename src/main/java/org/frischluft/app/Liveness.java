package org.frischluft.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kiosk's liveness: the FX thread {@link #beat() beats} on every animation tick; a {@code watchdog} thread
 * checks the last beat every two seconds. While the FX thread answers it rewrites the heartbeat file (its
 * modification time is what {@code kiosk-config/frischluft-kiosk-watchdog} looks at, its text the time); when
 * the FX thread has not answered for {@code limit}, it logs where the FX thread hangs and ends the process
 * with {@link #HUNG_EXIT}, so systemd starts a fresh kiosk instead of a frozen screen staying on the wall.
 */
final class Liveness implements AutoCloseable {
    /** Exit status of a kiosk whose FX thread hung (EX_SOFTWARE). */
    static final int HUNG_EXIT = 70;
    private static final Logger LOG = LoggerFactory.getLogger(Liveness.class);

    private final Path heartbeat;
    private final Duration limit;
    private final LongSupplier nanos;
    private final Clock clock;
    private final Runnable onHung;
    private final AtomicLong lastBeat;
    private ScheduledExecutorService timer;
    private boolean hung;

    /**
     * @param heartbeat the file to rewrite while alive, or null for none
     * @param limit     how long the FX thread may stay silent; zero or negative: never end the process
     * @param onHung    what to do once it hung (the real one halts the JVM)
     */
    Liveness(Path heartbeat, Duration limit, LongSupplier nanos, Clock clock, Runnable onHung) {
        this.heartbeat = heartbeat;
        this.limit = limit;
        this.nanos = nanos;
        this.clock = clock;
        this.onHung = onHung;
        this.lastBeat = new AtomicLong(nanos.getAsLong());
    }

    static Liveness forKiosk(Path heartbeat, Duration limit) {
        return new Liveness(heartbeat, limit, System::nanoTime, Clock.systemUTC(), Liveness::halt);
    }

    /** From the FX thread: it is alive. */
    void beat() {
        lastBeat.set(nanos.getAsLong());
    }

    void start() {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "watchdog");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::check, 0, 2, TimeUnit.SECONDS);
    }

    /** One look: rewrite the heartbeat while the FX thread answers, else end it (once). */
    void check() {
        if (hung) return;
        Duration silent = Duration.ofNanos(nanos.getAsLong() - lastBeat.get());
        if (!limit.isZero() && !limit.isNegative() && silent.compareTo(limit) > 0) {
            hung = true;
            LOG.error("the screen's thread has not answered for {} s; ending with status {} so the kiosk is restarted{}",
                    silent.toSeconds(), HUNG_EXIT, fxStack());
            onHung.run();
            return;
        }
        if (heartbeat != null && silent.compareTo(Duration.ofSeconds(10)) <= 0) {
            write();
        }
    }

    private void write() {
        try {
            Path tmp = heartbeat.resolveSibling(heartbeat.getFileName() + ".tmp");
            Files.writeString(tmp, clock.instant().toString() + "\n", StandardCharsets.US_ASCII);
            Files.move(tmp, heartbeat, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("cannot write the heartbeat {}: {}", heartbeat, e.toString());
        }
    }

    private static String fxStack() {
        StringBuilder b = new StringBuilder();
        Thread.getAllStackTraces().forEach((t, stack) -> {
            if (t.getName().startsWith("JavaFX Application Thread")) {
                b.append("\n  ").append(t.getName()).append(" (").append(t.getState()).append(')');
                for (int i = 0; i < Math.min(stack.length, 25); i++) b.append("\n    at ").append(stack[i]);
            }
        });
        return b.toString();
    }

    private static void halt() {
        // not System.exit: a hung FX thread may hold what the shutdown hooks wait for
        Runtime.getRuntime().halt(HUNG_EXIT);
    }

    @Override
    public void close() {
        if (timer != null) timer.shutdownNow();
    }
}
