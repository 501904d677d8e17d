package org.frischluft.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.frischluft.alert.AlertChannel;
import org.frischluft.alert.AlertConfig;
import org.frischluft.alert.AlertConfigFile;
import org.frischluft.alert.AlertService;
import org.frischluft.alert.MailChannel;
import org.frischluft.alert.MqttChannel;
import org.frischluft.alert.StoredAlerts;
import org.frischluft.alert.WebhookChannel;
import org.frischluft.ingest.BrokerConfig;
import org.frischluft.ingest.MqttPublisher;
import org.frischluft.ingest.ReadingSink;
import org.frischluft.model.Reading;
import org.frischluft.rooms.ConfigException;
import org.frischluft.rooms.SchoolModel;
import org.frischluft.rooms.SchoolVersion;
import org.frischluft.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the alert service of one installation: its settings from {@code alerts.json} beside the school file (the
 * defaults where there is none), its alerts in the history database, and its channels: e-mail per recipient,
 * webhooks, and MQTT on the first broker (a publisher of its own, not the ingest link).
 */
final class AlertWiring implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AlertWiring.class);

    /** Readings held back while the history is read, at most (then the oldest batches go, counted). */
    static final int HOLD_MAX = 200_000;
    /** Readings of the history handed from the reading thread to the worker at most at a time (bounds its memory). */
    private static final int HANDOVER = 200_000;

    private final AlertService service;
    private final MqttPublisher publisher;
    /** The rooms' recent history, read on {@code alerts-history}, applied on the ingest worker (see {@link #stage}). */
    private final java.util.concurrent.BlockingQueue<Remembered> history = new java.util.concurrent.LinkedBlockingQueue<>();
    /** Readings the reader may still hand over: it takes a room's count before, the worker gives them back after. */
    private final java.util.concurrent.Semaphore handover = new java.util.concurrent.Semaphore(HANDOVER);
    private final java.util.concurrent.CountDownLatch historyApplied = new java.util.concurrent.CountDownLatch(1);
    private final Thread reader;
    private volatile boolean closed;
    // ingest worker only
    private boolean remembered;
    private final java.util.ArrayDeque<List<Reading>> held = new java.util.ArrayDeque<>();
    private int heldReadings;
    private long heldDropped;

    /** One room's history, or (room null) the end of it. */
    private record Remembered(org.frischluft.model.RoomId room, List<Reading> readings) {
        static final Remembered END = new Remembered(null, List.of());
    }

    private AlertWiring(AlertService service, MqttPublisher publisher, SchoolModel model, Store store, Instant now) {
        this.service = service;
        this.publisher = publisher;
        this.reader = new Thread(() -> readHistory(model, store, now), "alerts-history");
        reader.setDaemon(true);
    }

    static AlertWiring start(Path schoolFile, SchoolModel model, Store store, List<BrokerConfig> brokers, Clock clock)
            throws ConfigException {
        Path file = AlertConfigFile.beside(schoolFile);
        AlertConfig config = file == null ? AlertConfig.standard() : AlertConfigFile.read(file, model);
        if (file != null && Files.exists(file)) LOG.info("alert settings from {}", file);
        StoredAlerts stored = new StoredAlerts(store.alerts());
        List<AlertChannel> channels = new ArrayList<>();
        if (config.smtp() != null) config.recipients().forEach(r -> channels.add(new MailChannel(config.smtp(), r)));
        config.webhooks().forEach(w -> channels.add(new WebhookChannel(w)));
        MqttPublisher publisher = null;
        if (config.mqtt() && !brokers.isEmpty()) {
            try {
                publisher = new MqttPublisher(brokers.get(0));
                channels.add(new MqttChannel(publisher::publish, stored.unresolved()));
            } catch (Exception e) {
                LOG.warn("alerts are not published on MQTT: {}", e.getMessage());
            }
        }
        AlertService service = new AlertService(config, model, stored, channels, clock);
        AlertWiring wiring = new AlertWiring(service, publisher, model, store, clock.instant());
        wiring.reader.start();
        return wiring;
    }

    /** How far back the history is read at start: enough for the light to learn a sensor's interval. */
    static final java.time.Duration REMEMBER = java.time.Duration.ofHours(6);

    /**
     * Each room's CO2 of the last hours from the history, so the rules know when it was last heard: a sensor that
     * went silent before a restart (a power cut at night) still gets its alert. Read on a thread of its own: one
     * query per room took seconds at city scale (issue 15), and the screens need not wait for it; the rules wait
     * instead (readings held, ticks skipped) until every room's history is applied on the worker. A history that
     * cannot answer costs only that (logged).
     */
    private void readHistory(SchoolModel model, Store store, Instant now) {
        int rooms = 0;
        try {
            for (org.frischluft.rooms.Room room : model.rooms()) {
                if (closed) return;
                org.frischluft.store.Co2Series s = store.reports().co2(room.id(), now.minus(REMEMBER), now.plusSeconds(1));
                if (s.size() == 0) continue;
                org.frischluft.model.DeviceId device = room.sensors().isEmpty()
                        ? org.frischluft.model.DeviceId.of(room.id().value()) : room.sensors().get(0).device();
                List<Reading> readings = new ArrayList<>(s.size());
                for (int i = 0; i < s.size(); i++) {
                    readings.add(Reading.of(device, Instant.ofEpochMilli(s.ms(i)), (double) s.value(i), null, null));
                }
                handover.acquire(Math.min(HANDOVER, readings.size()));
                history.put(new Remembered(room.id(), readings));
                rooms++;
            }
            if (rooms > 0) LOG.info("alerts: last {} h of {} room(s) read from the history", REMEMBER.toHours(), rooms);
        } catch (RuntimeException e) {
            LOG.warn("alerts: the history could not say when the rooms last reported ({}); silence counts from now on",
                    e.getMessage());
        } catch (InterruptedException e) {
            return; // closed
        }
        try {
            history.put(Remembered.END);
        } catch (InterruptedException e) {
            // closed
        }
    }

    /** Worker: applies what the reader has handed over; true once every room's history is in (then held readings go in). */
    private boolean remembered() {
        if (remembered) return true;
        for (Remembered r; (r = history.poll()) != null; ) {
            if (r.room() == null) {
                remembered = true;
                for (List<Reading> batch : held) service.onReadings(batch);
                held.clear();
                heldReadings = 0;
                if (heldDropped > 0) LOG.warn("alerts: {} reading(s) not seen by the rules while the history was read", heldDropped);
                historyApplied.countDown();
                return true;
            }
            service.remember(r.room(), r.readings());
            handover.release(Math.min(HANDOVER, r.readings().size()));
        }
        return false;
    }

    /** Waits until the history is applied (tests, and whoever needs the rules' full state); false if the time ran out. */
    boolean awaitHistory(java.time.Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (historyApplied.await(20, java.util.concurrent.TimeUnit.MILLISECONDS)) return true;
            synchronized (this) { // the worker's part, done here when no worker runs (tests drive the stage themselves)
                remembered();
            }
        }
        return historyApplied.getCount() == 0;
    }

    AlertService service() {
        return service;
    }

    /** The ingest pipeline's {@code alerts} stage. */
    ReadingSink stage() {
        return new ReadingSink() {
            @Override
            public void accept(List<Reading> readings) {
                synchronized (AlertWiring.this) {
                    if (remembered()) {
                        service.onReadings(readings);
                        return;
                    }
                    held.addLast(List.copyOf(readings));
                    heldReadings += readings.size();
                    while (heldReadings > HOLD_MAX && held.size() > 1) {
                        List<Reading> gone = held.pollFirst();
                        heldReadings -= gone.size();
                        heldDropped += gone.size();
                    }
                }
            }

            @Override
            public void tick(Instant now) {
                synchronized (AlertWiring.this) {
                    if (remembered()) service.tick(now); // no silence before the history says when a room was last heard
                }
            }

            @Override
            public void school(SchoolVersion version, Instant now) {
                service.school(version.model());
            }
        };
    }

    @Override
    public void close() {
        closed = true;
        reader.interrupt();
        service.close();
        if (publisher != null) publisher.close();
    }
}
