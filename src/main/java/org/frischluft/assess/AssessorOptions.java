package org.frischluft.assess;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of a {@link RoomAssessor} that are not part of a threshold profile: staleness and the airing coach.
 * {@link #defaults()} holds the values documented in {@code docs/assessment.md}.
 *
 * @param defaultInterval uplink interval assumed until one is learnt from a device's gaps
 * @param minInterval     lower bound of a learnt interval
 * @param maxInterval     upper bound of a learnt interval
 * @param missedUplinks   missed uplinks (in learnt intervals, fractional allowed for jitter slack) before grey
 * @param outdoorPpm      outdoor CO2 (target level near which airing stops helping)
 * @param closeAtPpm      CO2 at which an airing may end when the profile has no blue band
 * @param minR2           least coefficient of determination for the coach to speak
 * @param horizon         longest forecast the coach states ("yellow in about N minutes")
 * @param coach           false switches the airing coach off
 */
public record AssessorOptions(Duration defaultInterval, Duration minInterval, Duration maxInterval,
                              double missedUplinks, double outdoorPpm, double closeAtPpm, double minR2,
                              Duration horizon, boolean coach) {
    public AssessorOptions {
        Objects.requireNonNull(defaultInterval, "defaultInterval");
        Objects.requireNonNull(minInterval, "minInterval");
        Objects.requireNonNull(maxInterval, "maxInterval");
        Objects.requireNonNull(horizon, "horizon");
        if (minInterval.isNegative() || minInterval.isZero() || maxInterval.compareTo(minInterval) < 0) {
            throw new IllegalArgumentException("need 0 < minInterval <= maxInterval");
        }
        if (!(missedUplinks >= 1)) throw new IllegalArgumentException("missedUplinks must be >= 1");
        if (!(minR2 > 0 && minR2 < 1)) throw new IllegalArgumentException("minR2 must lie in (0, 1)");
    }

    /** 5 min until learnt, learnt within 30 s..30 min, grey after 3 missed uplinks plus a quarter for jitter. */
    public static AssessorOptions defaults() {
        return new AssessorOptions(Duration.ofMinutes(5), Duration.ofSeconds(30), Duration.ofMinutes(30),
                3.25, 420, 600, 0.85, Duration.ofMinutes(30), true);
    }

    public AssessorOptions withCoach(boolean on) {
        return new AssessorOptions(defaultInterval, minInterval, maxInterval, missedUplinks, outdoorPpm, closeAtPpm,
                minR2, horizon, on);
    }
}
