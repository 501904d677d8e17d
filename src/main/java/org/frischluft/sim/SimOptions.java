package org.frischluft.sim;

import java.time.Duration;
import java.util.Objects;

/**
 * How to run a {@link SimulatedSchool}.
 *
 * @param rooms         number of rooms that publish; fewer than the school has takes the first ones, more adds
 *                      synthetic rooms with synthetic Elsys sensors (load generator)
 * @param interval      simulated time between two uplinks of one sensor (each sensor gets its own phase and ±5 %
 *                      jitter, like real devices)
 * @param speedup       simulated seconds per wall-clock second (60 shows a lesson in 45 seconds)
 * @param seed          seeds habits, occupancy, window sizes and sensor noise
 * @param qos           MQTT QoS for the uplinks (0 like TTN, or 1)
 * @param applicationId TTN application id in the topics
 */
public record SimOptions(int rooms, Duration interval, double speedup, long seed, int qos, String applicationId) {
    public SimOptions {
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(applicationId, "applicationId");
        if (rooms < 1) throw new IllegalArgumentException("rooms must be at least 1");
        if (interval.isNegative() || interval.toMillis() < 1) throw new IllegalArgumentException("interval must be positive");
        if (!(speedup > 0) || Double.isInfinite(speedup)) throw new IllegalArgumentException("speedup must be positive");
        if (qos < 0 || qos > 1) throw new IllegalArgumentException("qos must be 0 or 1");
    }

    public SimOptions(int rooms, Duration interval, double speedup, long seed) {
        this(rooms, interval, speedup, seed, 0, TtnUplinks.DEFAULT_APPLICATION);
    }

    /** The demo default: every room of the school, an uplink per simulated minute, ten times faster than life. */
    public static SimOptions demo(int rooms) {
        return new SimOptions(rooms, Duration.ofMinutes(1), 10, 1);
    }
}
