package org.frischluft.sim;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.frischluft.model.DeviceId;
import org.frischluft.model.RoomId;
import org.frischluft.model.SensorModel;
import org.frischluft.rooms.Placement;
import org.frischluft.rooms.Room;
import org.frischluft.rooms.SchoolCalendar;
import org.frischluft.rooms.SchoolModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link SchoolSimulation} and publishes each sensor's readings as TTN v3 uplinks to a broker, on one
 * thread named {@code sim-publisher}. Simulated time starts at {@link SchoolSimulation#demoStart} of the clock's
 * time and runs {@code speedup} times faster than the clock; every sensor publishes once per simulated
 * {@code interval}, at its own phase with ±5 % jitter. Uplinks carry the clock's time of publishing, which is
 * what a kiosk compares against to call a value fresh or stale.
 *
 * <p>Publishing never blocks the simulation: at most {@value #MAX_IN_FLIGHT} messages are outstanding; beyond
 * that (broker too slow, connection lost) a due uplink is skipped and counted, as a radio gap would lose it.
 */
public final class SimulatedSchool implements AutoCloseable {
    static final int MAX_IN_FLIGHT = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(SimulatedSchool.class);
    private static final long JITTER_PERMILLE = 50;

    private final SchoolModel config;
    private final SchoolCalendar calendar;
    private final String brokerUrl;
    private final SimOptions options;
    private final Clock clock;
    private final List<Room> rooms;
    private final List<Publisher> sensors;
    private final TtnUplinks uplinks;
    private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final IMqttActionListener release;

    private MqttAsyncClient client;
    private ScheduledExecutorService scheduler;
    private SchoolSimulation simulation;
    private Instant wallStart;
    private Instant simStart;
    private volatile boolean closed;

    public SimulatedSchool(SchoolModel config, String brokerUrl, SimOptions options, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.calendar = SchoolSimulation.calendarOf(config);
        this.brokerUrl = Objects.requireNonNull(brokerUrl, "brokerUrl");
        this.options = Objects.requireNonNull(options, "options");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.uplinks = new TtnUplinks(options.applicationId());
        this.rooms = rooms(config, options.rooms());
        this.sensors = new ArrayList<>();
        List<Placement> configured = sensorsFor(config, rooms);
        for (int i = 0; i < rooms.size(); i++) {
            sensors.add(new Publisher(configured.get(i), i, options.seed()));
        }
        this.release = new IMqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
                inFlight.release();
            }

            @Override
            public void onFailure(IMqttToken token, Throwable exception) {
                inFlight.release();
                failed.incrementAndGet();
            }
        };
    }

    /**
     * The rooms that publish: the first {@code count} of the school, or all of them plus synthetic rooms
     * ({@code sim-00028}, 200 m³, 27 seats, floor "Simulation") up to {@code count}.
     */
    public static List<Room> rooms(SchoolModel config, int count) {
        List<Room> all = config.rooms();
        List<Room> out = new ArrayList<>(all.subList(0, Math.min(count, all.size())));
        for (int i = out.size(); i < count; i++) {
            out.add(Room.of(RoomId.of(String.format("sim-%05d", i + 1)), String.format("Sim %05d", i + 1),
                    150 + (i * 37) % 100, 22 + i % 9, List.of()));
        }
        return List.copyOf(out);
    }

    /** The sensors that publish, one per room of {@link #rooms(SchoolModel, int)}, in the same order. */
    public List<Placement> sensors() {
        return sensors.stream().map(s -> s.config).toList();
    }

    /**
     * One sensor per room, in the order of {@code rooms}: the room's configured sensor (the lowest DevEUI if it
     * has several), else a synthetic Elsys ERS CO2.
     */
    public static List<Placement> sensorsFor(SchoolModel config, List<Room> rooms) {
        Map<RoomId, Placement> byRoom = new LinkedHashMap<>();
        config.currentPlacements().values().stream()
                .sorted(java.util.Comparator.comparing(Placement::device))
                .forEach(s -> byRoom.putIfAbsent(s.room(), s));
        List<Placement> out = new ArrayList<>(rooms.size());
        for (int i = 0; i < rooms.size(); i++) {
            Placement sensor = byRoom.get(rooms.get(i).id());
            out.add(sensor != null ? sensor : syntheticSensor(rooms.get(i).id(), i));
        }
        return List.copyOf(out);
    }

    /** A synthetic Elsys sensor for a room the configuration has no sensor for. */
    static Placement syntheticSensor(RoomId room, int index) {
        DeviceId eui = DeviceId.of(String.format("a81758fffe%06x", 0x800000 + (index & 0x7FFFFF)));
        return new Placement(eui, room, null, org.frischluft.rooms.Sensor.of(eui, SensorModel.ELSYS_ERS_CO2));
    }

    /** Connects and starts publishing; fails when the broker cannot be reached within ten seconds. */
    public synchronized void start() throws java.io.IOException {
        try {
            connectAndStart();
        } catch (MqttException e) {
            throw new java.io.IOException("cannot publish to " + brokerUrl + ": " + e.getMessage()
                    + (e.getCause() != null ? " (" + e.getCause().getMessage() + ")" : ""), e);
        }
    }

    private void connectAndStart() throws MqttException {
        if (client != null) throw new IllegalStateException("already started");
        wallStart = clock.instant();
        simStart = SchoolSimulation.demoStart(wallStart, calendar);
        // Warm up from the morning, so a demo started mid-lesson shows rooms as they would be by then.
        Instant morning = calendar.at(simStart.atZone(calendar.zone()).toLocalDate(), SchoolSimulation.DEMO_MORNING);
        simulation = new SchoolSimulation(rooms, options.seed(), morning.isBefore(simStart) ? morning : simStart, calendar);
        simulation.step(simStart);
        long intervalMs = options.interval().toMillis();
        for (Publisher s : sensors) {
            s.nextDueMs = simStart.toEpochMilli() + Math.floorMod(s.hash, intervalMs);
        }

        String clientId = "frischluft-sim-" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xFFFFFFFFFFL);
        client = new MqttAsyncClient(brokerUrl, clientId, new MemoryPersistence());
        MqttConnectOptions connect = new MqttConnectOptions();
        connect.setCleanSession(true);
        connect.setAutomaticReconnect(true);
        connect.setMaxInflight(MAX_IN_FLIGHT + 100);
        connect.setConnectionTimeout(10);
        connect.setKeepAliveInterval(30);
        client.connect(connect).waitForCompletion(10_000);

        long periodMs = Math.max(10, Math.min(500, (long) (intervalMs / options.speedup() / 4)));
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sim-publisher");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleAtFixedRate(this::tickSafely, 0, periodMs, TimeUnit.MILLISECONDS);
        LOG.info("simulated school '{}': {} rooms, an uplink every {} s simulated, speed-up {}x, school time from {}, "
                        + "publishing to {} as {}", config.name(), rooms.size(), options.interval().toSeconds(),
                options.speedup(), simStart, brokerUrl, clientId);
    }

    private void tickSafely() {
        try {
            tick();
        } catch (RuntimeException e) {
            LOG.warn("simulation tick failed: {}", e.toString(), e); // keep the schedule alive
        }
    }

    private void tick() {
        if (closed) return;
        Instant wall = clock.instant();
        long elapsedMs = Math.max(0, Duration.between(wallStart, wall).toMillis());
        long simNowMs = simStart.toEpochMilli() + (long) (elapsedMs * options.speedup());
        simulation.step(Instant.ofEpochMilli(simNowMs));
        long intervalMs = options.interval().toMillis();
        for (Publisher s : sensors) {
            if (s.nextDueMs > simNowMs) continue;
            publish(s, wall);
            long jitter = intervalMs * JITTER_PERMILLE / 1000;
            long next = s.nextDueMs + intervalMs + (jitter == 0 ? 0 : ThreadLocalRandom.current().nextLong(-jitter, jitter + 1));
            s.nextDueMs = next > simNowMs ? next : simNowMs + intervalMs; // fell behind: skip, don't flood
        }
    }

    private void publish(Publisher s, Instant wall) {
        SensorReading r = simulation.measure(s.roomIndex);
        SensorReading stamped = new SensorReading(wall, r.co2Ppm(), r.temperatureC(), r.humidityPct(), r.lightLux(),
                r.motion(), r.vddMv(), r.pressureHpa(), r.tvoc());
        SensorModel model = s.config.sensor().model();
        TtnUplinks.Uplink up = uplinks.uplink(s.config.device(), model == null ? null : model.id(), stamped, s.fCnt++);
        if (!client.isConnected() || !inFlight.tryAcquire()) {
            long n = skipped.incrementAndGet();
            if (n == 1 || n % 1000 == 0) LOG.warn("{} uplinks skipped: broker not connected or too slow", n);
            return;
        }
        try {
            client.publish(up.topic(), up.payload(), options.qos(), false, null, release);
            published.incrementAndGet();
        } catch (MqttException e) {
            inFlight.release();
            long n = failed.incrementAndGet();
            if (n == 1 || n % 1000 == 0) LOG.warn("{} uplinks failed to publish: {}", n, e.toString());
        }
    }

    /** Uplinks handed to the client so far. */
    public long published() {
        return published.get();
    }

    /** Uplinks skipped because the broker was not connected or too slow. */
    public long skipped() {
        return skipped.get();
    }

    /** Uplinks the client failed to deliver. */
    public long failed() {
        return failed.get();
    }

    /** Stops publishing and disconnects; idempotent. */
    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        if (scheduler != null) {
            scheduler.shutdown();
            try {
                scheduler.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (client != null) {
            try {
                if (client.isConnected()) client.disconnect(1_000).waitForCompletion(2_000);
            } catch (MqttException e) {
                LOG.debug("disconnect: {}", e.toString());
            }
            try {
                client.close();
            } catch (MqttException e) {
                LOG.debug("close: {}", e.toString());
            }
        }
        LOG.info("simulated school stopped: {} uplinks published, {} skipped, {} failed", published(), skipped(), failed());
    }

    /** One publishing sensor; touched only by the publisher thread after start. */
    private static final class Publisher {
        final Placement config;
        final int roomIndex;
        final long hash;
        long fCnt;
        long nextDueMs;

        Publisher(Placement config, int roomIndex, long seed) {
            this.config = config;
            this.roomIndex = roomIndex;
            this.hash = TtnUplinks.mix(seed ^ config.device().value().hashCode());
            this.fCnt = 1 + Math.floorMod(hash >>> 7, 20_000);
        }
    }
}
