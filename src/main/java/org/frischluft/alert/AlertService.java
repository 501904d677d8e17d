package org.frischluft.alert;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.frischluft.model.Reading;
import org.frischluft.model.RoomId;
import org.frischluft.rooms.RoomLocation;
import org.frischluft.rooms.SchoolCalendar;
import org.frischluft.rooms.SchoolModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Alerts in a running installation: the {@link AlertEngine} fed on the {@code ingest-worker} (as a pipeline stage,
 * so {@code record} alerts without any screen), its alerts kept in an {@link AlertStore} and sent through the
 * {@link AlertChannel}s on one {@code alert-out} thread, so a slow mail server or webhook never holds up ingest.
 * A failed send is tried again after 10 s, 1 min and 5 min, then counted as failed; a failed store write is
 * tried again with the next change. Acknowledgements come from any thread (the overview) and are applied on the
 * worker with its next batch or tick.
 */
public final class AlertService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AlertService.class);
    private static final int MAX_PENDING = 1_000;

    /** Delivery counters since start. */
    public record Stats(long sent, long retried, long failed, long dropped, long storeFailures) {
    }

    /** What the screens show: the unresolved alerts (newest change last) and the counters; a new value per change. */
    public record Board(long version, List<Alert> unresolved, Stats stats) {
        public Board {
            unresolved = List.copyOf(unresolved);
        }
    }

    private record Ack(long id, String by, String comment) {
    }

    private final AlertConfig config;
    private final AlertStore store;
    private final List<AlertChannel> channels;
    private final Clock clock;
    private final AlertEngine engine;
    private final List<AlertEvent> pending = new ArrayList<>();
    private final ConcurrentLinkedQueue<Ack> acks = new ConcurrentLinkedQueue<>();
    private final ScheduledExecutorService out;
    private final Map<Long, Alert> unsaved = new LinkedHashMap<>(); // alert-out thread only
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong retried = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong storeFailures = new AtomicLong();
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile long[] retryMillis = {10_000, 60_000, 300_000};
    private volatile SchoolModel model;
    private volatile Board board;
    private long version;

    /** Loads the unresolved alerts from {@code store} (on the calling thread, at start). */
    public AlertService(AlertConfig config, SchoolModel model, AlertStore store, List<AlertChannel> channels, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.model = Objects.requireNonNull(model, "model");
        this.store = Objects.requireNonNull(store, "store");
        this.channels = List.copyOf(channels);
        this.clock = Objects.requireNonNull(clock, "clock");
        List<Alert> open = store.unresolved();
        this.engine = new AlertEngine(config, model, open, store.maxId(), pending::add);
        this.board = new Board(0, engine.unresolved(), stats());
        java.util.concurrent.ScheduledThreadPoolExecutor ex = new java.util.concurrent.ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "alert-out");
            t.setDaemon(true);
            return t;
        });
        ex.setExecuteExistingDelayedTasksAfterShutdownPolicy(false); // retries waiting at shutdown are given up
        this.out = ex;
        if (!open.isEmpty()) LOG.info("{} alert(s) still open from before the restart", open.size());
    }

    // --- ingest-worker ----------------------------------------------------------------------------------------

    /** A batch of readings; devices in no room are left out. */
    public void onReadings(List<Reading> readings) {
        applyAcks();
        SchoolModel m = model;
        for (Reading r : readings) {
            Optional<RoomId> room = m.roomOf(r.device());
            if (room.isPresent()) engine.onReading(room.get(), r);
        }
        flush();
    }

    /**
     * Before the worker starts: the rooms' last readings from the history ({@link AlertEngine#remember}), oldest
     * first, so silence is noticed across a restart.
     */
    public void remember(RoomId room, List<Reading> history) {
        for (Reading r : history) engine.remember(room, r);
    }

    public void tick(Instant now) {
        applyAcks();
        engine.tick(now);
        flush();
    }

    public void school(SchoolModel next) {
        model = next;
        engine.school(next);
    }

    /** Other waits between attempts (tests). */
    AlertService retryAfter(Duration... delays) {
        retryMillis = java.util.Arrays.stream(delays).mapToLong(Duration::toMillis).toArray();
        return this;
    }

    // --- any thread -------------------------------------------------------------------------------------------

    /** Someone takes an alert on; applied on the worker within about a second. {@code by}: a role or name they give. */
    public void acknowledge(long id, String by, String comment) {
        acks.add(new Ack(id, by, comment));
    }

    public Board board() {
        return board;
    }

    public Stats stats() {
        return new Stats(sent.get(), retried.get(), failed.get(), dropped.get(), storeFailures.get());
    }

    // ----------------------------------------------------------------------------------------------------------

    private void applyAcks() {
        Ack a;
        while ((a = acks.poll()) != null) {
            if (!engine.acknowledge(a.id(), a.by(), a.comment(), clock.instant())) {
                LOG.info("alert {} was not acknowledged: it is no longer open", a.id());
            }
        }
    }

    private void flush() {
        if (pending.isEmpty()) return;
        List<AlertEvent> events = List.copyOf(pending);
        pending.clear();
        board = new Board(++version, engine.unresolved(), stats());
        List<AlertMessage> messages = events.stream().map(this::message).toList();
        if (out.isShutdown()) return;
        out.execute(() -> {
            for (AlertEvent e : events) unsaved.put(e.alert().id(), e.alert());
            try {
                store.save(List.copyOf(unsaved.values()));
                unsaved.clear();
            } catch (RuntimeException ex) {
                storeFailures.incrementAndGet();
                LOG.warn("alerts not stored yet ({}), trying again with the next change", ex.getMessage());
            }
            for (AlertMessage m : messages) {
                for (AlertChannel c : channels) {
                    if (c.wants(m)) deliver(c, m, 0);
                }
            }
        });
    }

    /** On {@code alert-out}. */
    private void deliver(AlertChannel c, AlertMessage m, int attempt) {
        try {
            c.send(m);
            sent.incrementAndGet();
        } catch (Exception e) {
            long[] retry = retryMillis;
            if (attempt < retry.length && inFlight.get() < MAX_PENDING) {
                retried.incrementAndGet();
                inFlight.incrementAndGet();
                LOG.warn("alert {} via {} failed ({}), trying again in {} s", m.alert().id(), c.name(), e.toString(),
                        retry[attempt] / 1000.0);
                try {
                    out.schedule(() -> {
                        inFlight.decrementAndGet();
                        deliver(c, m, attempt + 1);
                    }, retry[attempt], TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.RejectedExecutionException closing) {
                    inFlight.decrementAndGet();
                    failed.incrementAndGet();
                }
            } else if (attempt < retry.length) {
                dropped.incrementAndGet();
            } else {
                failed.incrementAndGet();
                LOG.error("alert {} via {} failed {} times, given up: {}", m.alert().id(), c.name(), attempt + 1, e.toString());
            }
        }
    }

    private AlertMessage message(AlertEvent e) {
        Alert a = e.alert();
        SchoolModel m = model;
        RoomLocation where = a.room() == null ? null
                : m.roomLocations().stream().filter(l -> l.room().id().equals(a.room())).findFirst().orElse(null);
        String site = where != null ? where.site().name()
                : m.site(a.site()).map(org.frischluft.rooms.Site::name).orElse(a.site().value());
        SchoolCalendar cal = a.room() != null ? m.calendarOf(a.room())
                : m.site(a.site()).map(org.frischluft.rooms.Site::calendar).orElse(SchoolCalendar.germanDefault());
        AlertSettings s = config.settings(a.site());
        Double threshold = switch (a.rule()) {
            case CO2_HIGH -> s.co2HighPpm();
            case RED_IN_LESSON -> a.room() == null ? null : m.profileOf(a.room()).redFrom();
            default -> null;
        };
        return new AlertMessage(e, where != null ? where.room().name() : a.room() == null ? null : a.room().value(),
                where != null ? where.building().name() : null, site, threshold, s.escalateSchoolDays(), cal.zone());
    }

    /** Sends what is queued (waits up to {@code timeout}); retries still waiting are given up. */
    public void close(Duration timeout) {
        out.shutdown();
        try {
            if (!out.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) out.shutdownNow();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            out.shutdownNow();
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(10));
    }
}
