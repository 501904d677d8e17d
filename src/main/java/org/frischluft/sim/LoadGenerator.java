package org.frischluft.sim;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.frischluft.model.SensorModel;
import org.frischluft.rooms.Placement;
import org.frischluft.rooms.Room;
import org.frischluft.rooms.SchoolCalendar;
import org.frischluft.rooms.SchoolModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a burst of realistic TTN v3 uplinks as fast as the broker takes them, for benchmarks. The devices
 * are the demo school's sensors plus synthetic ones; their values come from a {@link SchoolSimulation} of a school
 * day, one uplink per device per simulated minute. Message times are that day shifted to end at the start of the
 * run, so every (device, time) is distinct and in the past, like a replayed backlog.
 *
 * <p>Asynchronous Paho client, at most {@value #WINDOW} messages outstanding (maxInflight 1000, so QoS 1 never
 * hits Paho's "too many publishes"); the elapsed time runs from the first publish until the last message was
 * written (QoS 0) or acknowledged (QoS 1).
 */
public final class LoadGenerator {
    static final int WINDOW = 900;
    private static final Logger LOG = LoggerFactory.getLogger(LoadGenerator.class);
    private static final Duration INTERVAL = Duration.ofMinutes(1);
    private static final int TOO_MANY_PUBLISHES = MqttException.REASON_CODE_MAX_INFLIGHT;

    private LoadGenerator() {
    }

    /**
     * The outcome of a burst.
     *
     * @param failed messages the client reported as not delivered
     */
    public record Result(long messages, long failed, long bytes, long elapsedNanos) {
        /** Messages per second. */
        public double rate() {
            return elapsedNanos == 0 ? 0 : messages * 1e9 / elapsedNanos;
        }
    }

    /** Publishes under the TTN application {@code frischluft-load}; returns the elapsed nanoseconds. */
    public static long publish(String brokerUrl, int messages, int devices, int qos) throws java.io.IOException {
        return run(brokerUrl, "frischluft-load", messages, devices, qos).elapsedNanos();
    }

    /**
     * Publishes {@code messages} uplinks of {@code devices} sensors to {@code v3/{applicationId}@ttn/devices/…/up};
     * returns the elapsed nanoseconds.
     */
    public static long publish(String brokerUrl, String applicationId, int messages, int devices, int qos)
            throws java.io.IOException {
        return run(brokerUrl, applicationId, messages, devices, qos).elapsedNanos();
    }

    /** Like {@link #publish(String, String, int, int, int)}, with counts and bytes. */
    public static Result run(String brokerUrl, String applicationId, int messages, int devices, int qos)
            throws java.io.IOException {
        return run(brokerUrl, applicationId, messages, devices, qos, 0);
    }

    /**
     * The same uplinks, published at a steady {@code ratePerSecond} (message i is due at t0 + i / rate; the due
     * ones go out together after each wake-up), or flat out when the rate is 0.
     */
    public static Result run(String brokerUrl, String applicationId, int messages, int devices, int qos,
                             int ratePerSecond) throws java.io.IOException {
        try {
            return publishAll(brokerUrl, applicationId, messages, devices, qos, ratePerSecond);
        } catch (MqttException e) {
            throw new java.io.IOException("cannot publish to " + brokerUrl + ": " + e.getMessage()
                    + (e.getCause() != null ? " (" + e.getCause().getMessage() + ")" : ""), e);
        }
    }

    private static Result publishAll(String brokerUrl, String applicationId, int messages, int devices, int qos,
                                     int ratePerSecond) throws MqttException {
        if (ratePerSecond < 0) throw new IllegalArgumentException("rate must not be negative");
        if (messages < 0) throw new IllegalArgumentException("messages must not be negative");
        if (devices < 1) throw new IllegalArgumentException("devices must be at least 1");
        if (qos < 0 || qos > 1) throw new IllegalArgumentException("qos must be 0 or 1");
        SchoolModel school = DemoSchool.model();
        List<Room> rooms = SimulatedSchool.rooms(school, devices);
        List<Placement> sensors = SimulatedSchool.sensorsFor(school, rooms);
        TtnUplinks uplinks = new TtnUplinks(applicationId);

        long rounds = (messages + devices - 1) / devices;
        Instant schoolMorning = LocalDateTime.parse("2026-01-12T07:50").atZone(SchoolSimulation.DEFAULT_ZONE).toInstant();
        // a plain Monday of lessons (no holidays), whatever the demo calendar says
        SchoolSimulation sim = new SchoolSimulation(rooms, 1, schoolMorning, SchoolCalendar.germanDefault());
        Duration shift = Duration.between(schoolMorning, Instant.now().minus(INTERVAL.multipliedBy(rounds)));

        Semaphore window = new Semaphore(WINDOW);
        AtomicLong failed = new AtomicLong();
        IMqttActionListener release = new IMqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
                window.release();
            }

            @Override
            public void onFailure(IMqttToken token, Throwable exception) {
                failed.incrementAndGet();
                window.release();
            }
        };
        String clientId = "frischluft-load-" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xFFFFFFFFFFL);
        MqttAsyncClient client = new MqttAsyncClient(brokerUrl, clientId, new MemoryPersistence());
        MqttConnectOptions connect = new MqttConnectOptions();
        connect.setCleanSession(true);
        connect.setMaxInflight(1000);
        connect.setConnectionTimeout(10);
        client.connect(connect).waitForCompletion(10_000);
        long bytes = 0;
        long sent = 0;
        long[] fCnt = new long[devices];
        long t0 = System.nanoTime();
        long elapsed;
        try {
            for (long round = 0; round < rounds && sent < messages; round++) {
                sim.step(schoolMorning.plus(INTERVAL.multipliedBy(round)));
                for (int d = 0; d < devices && sent < messages; d++) {
                    SensorReading r = sim.measure(d);
                    SensorReading stamped = new SensorReading(r.time().plus(shift).plusMillis(d * 37L % 60_000),
                            r.co2Ppm(), r.temperatureC(), r.humidityPct(), r.lightLux(), r.motion(), r.vddMv(),
                            r.pressureHpa(), r.tvoc());
                    Placement s = sensors.get(d);
                    SensorModel model = s.sensor().model();
                    TtnUplinks.Uplink up = uplinks.uplink(s.device(), model == null ? null : model.id(), stamped, ++fCnt[d]);
                    if (ratePerSecond > 0) {
                        long due = t0 + sent * 1_000_000_000L / ratePerSecond;
                        for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                            LockSupport.parkNanos(wait);
                        }
                    }
                    window.acquireUninterruptibly();
                    publishRetrying(client, up, qos, release, window);
                    bytes += up.payload().length;
                    sent++;
                }
            }
            if (!window.tryAcquire(WINDOW, 120, TimeUnit.SECONDS)) {
                LOG.warn("load: not every message was confirmed within 120 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            elapsed = System.nanoTime() - t0;
            try {
                client.disconnect(2_000).waitForCompletion(5_000);
            } catch (MqttException e) {
                LOG.debug("disconnect: {}", e.toString());
            }
            client.close();
        }
        Result result = new Result(sent, failed.get(), bytes, elapsed);
        LOG.info("load: {} uplinks ({} MB) at QoS {} from {} devices in {} ms = {} msg/s, {} failed", sent,
                bytes / 1_000_000, qos, devices, elapsed / 1_000_000, Math.round(result.rate()), failed.get());
        return result;
    }

    private static void publishRetrying(MqttAsyncClient client, TtnUplinks.Uplink up, int qos,
                                        IMqttActionListener release, Semaphore window) throws MqttException {
        for (int attempt = 0; ; attempt++) {
            try {
                client.publish(up.topic(), up.payload(), qos, false, null, release);
                return;
            } catch (MqttException e) {
                // Paho frees an in-flight slot a moment after completing the token (STACK.md gotcha 9)
                if (e.getReasonCode() != TOO_MANY_PUBLISHES || attempt > 1000) {
                    window.release();
                    throw e;
                }
                Thread.onSpinWait();
                try {
                    Thread.sleep(0, 100_000);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    window.release();
                    throw e;
                }
            }
        }
    }
}
