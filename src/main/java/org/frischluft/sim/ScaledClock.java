package org.frischluft.sim;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * A clock that starts at {@code origin} and runs {@code speed} times faster than {@code base}: the demo's
 * simulated school day, so a lesson passes in minutes. Every part of a demo (simulator, assessment, screens)
 * shares one instance, so ages and staleness stay consistent.
 */
public final class ScaledClock extends Clock {
    private final Clock base;
    private final Instant baseStart;
    private final Instant origin;
    private final double speed;
    private final ZoneId zone;

    public ScaledClock(Clock base, Instant origin, double speed) {
        this(base, base.instant(), origin, speed, base.getZone());
    }

    private ScaledClock(Clock base, Instant baseStart, Instant origin, double speed, ZoneId zone) {
        if (!(speed > 0)) throw new IllegalArgumentException("speed must be > 0");
        this.base = base;
        this.baseStart = baseStart;
        this.origin = origin;
        this.speed = speed;
        this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId z) {
        return new ScaledClock(base, baseStart, origin, speed, z);
    }

    @Override
    public Instant instant() {
        long elapsedNanos = Duration.between(baseStart, base.instant()).toNanos();
        return origin.plusNanos((long) (elapsedNanos * speed));
    }

    public double speed() {
        return speed;
    }
}
