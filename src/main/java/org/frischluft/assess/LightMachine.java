package org.frischluft.assess;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.NavigableMap;
import org.frischluft.model.Light;
import org.frischluft.model.Trend;
import org.frischluft.rooms.Profile;

/**
 * The colour of a room's light as a state machine over its CO2 readings in time order, on {@link Light} values:
 * BLUE (when the profile has a blue band), GREEN, YELLOW, RED. Never GREY: staleness is the assessor's.
 *
 * <ul>
 *   <li>A light begins at its threshold (a reading of exactly {@code yellowFrom} is yellow).</li>
 *   <li>Hysteresis: to leave a light downwards, readings must fall below its threshold less the profile's
 *   hysteresis.</li>
 *   <li>Hold: every reading from the first that disagrees with the light must disagree in the same direction
 *   until one arrives the profile's {@code holdUp} (worse) or {@code holdDown} (better) after it; that reading
 *   changes the light. A quarter of the uplink interval (at most a quarter of the hold) is allowed for jitter, so
 *   a 2-minute sensor whose uplink comes a few seconds early does not wait a whole further interval. Meanwhile
 *   {@link #pending()} tells the direction.</li>
 *   <li>Jump: a reading the profile's jump beyond a threshold changes the light at once.</li>
 *   <li>After a grey gap the first reading sets the light afresh.</li>
 * </ul>
 * Readings older than the last one used are ignored: the colour's history is not rewritten. Not thread-safe.
 */
final class LightMachine {
    /** What completes a hold at sparse uplinks, where the hold is shorter than the uplink interval. */
    enum HoldRule {
        /** A further agreeing reading, at least the hold time after the first: the rule in use. */
        NEXT_READING,
        /**
         * No disagreeing reading for the hold time is agreement enough: the light changes between readings.
         * Kept to measure against (see {@code docs/assessment.md}): at 5-minute uplinks it lets single readings
         * change the colour.
         */
        SILENCE
    }

    private final Profile profile;
    private final HoldRule rule;

    private Light light;
    private Instant since;
    private Instant processed;
    private Trend candidate;
    private Light candidateTarget;
    private Instant candidateSince;

    LightMachine(Profile profile, HoldRule rule) {
        this.profile = profile;
        this.rule = rule;
    }

    /** The light after the readings so far, or null before the first CO2 reading. */
    Light light() {
        return light;
    }

    /** Since when the light shows, null before the first CO2 reading. */
    Instant since() {
        return since;
    }

    /** The direction of a change waiting for its hold time, or null when the readings agree with the light. */
    Trend pending() {
        return candidate;
    }

    /**
     * Takes the readings of {@code co2} up to {@code now} not yet taken, in time order. {@code interval} is the
     * longest uplink interval of the room's devices; a silence of {@code gapAfter} or more between two readings
     * counts as a grey gap.
     */
    void advance(NavigableMap<Instant, Double> co2, Instant now, Duration interval, Duration gapAfter) {
        NavigableMap<Instant, Double> todo = processed == null ? co2.headMap(now, true)
                : co2.subMap(processed, false, now, true);
        for (Map.Entry<Instant, Double> e : todo.entrySet()) {
            Instant t = e.getKey();
            boolean gap = processed != null && !t.isBefore(processed.plus(gapAfter));
            // a reading at the very end of the hold is still heard before silence counts
            if (!gap) matureBefore(t, gapAfter);
            step(t, e.getValue(), gap, interval);
        }
        matureBefore(now.plusNanos(1), gapAfter);
    }

    /** Under {@link HoldRule#SILENCE}: a change whose hold ended before {@code t} without disagreement happens. */
    private void matureBefore(Instant t, Duration gapAfter) {
        if (rule != HoldRule.SILENCE || candidate == null) return;
        Instant at = candidateSince.plus(hold(candidate));
        if (at.isBefore(t) && at.isBefore(processed.plus(gapAfter))) change(candidateTarget, at);
    }

    private void step(Instant t, double v, boolean gap, Duration interval) {
        processed = t;
        if (light == null || gap) {
            // after a grey gap the first reading sets the colour afresh: nothing older is worth holding on to
            light = classify(v, 0);
            since = t;
            candidate = null;
            return;
        }
        Light up = classify(v, 0);
        Light down = classify(v, -profile.hysteresis());
        Light target = above(up, light) ? up : above(light, down) ? down : light;
        if (target == light) {
            candidate = null;
            return;
        }
        Trend dir = above(target, light) ? Trend.RISING : Trend.FALLING;
        Light jumped = dir == Trend.RISING ? classify(v, profile.jump())
                : classify(v, -profile.hysteresis() - profile.jump());
        if (dir == Trend.RISING ? above(jumped, light) : above(light, jumped)) {
            change(jumped, t);
            return;
        }
        if (candidate != dir) {
            candidate = dir;
            candidateSince = t;
        }
        candidateTarget = target;
        Duration hold = hold(dir);
        Duration slack = (interval.compareTo(hold) < 0 ? interval : hold).dividedBy(4);
        if (Duration.between(candidateSince, t).compareTo(hold.minus(slack)) >= 0) {
            change(target, t);
        }
    }

    private Duration hold(Trend dir) {
        return dir == Trend.RISING ? profile.holdUp() : profile.holdDown();
    }

    private void change(Light to, Instant t) {
        if (to != light) {
            light = to;
            since = t;
        }
        candidate = null;
        candidateTarget = null;
    }

    /** The light a value shows with every threshold moved by {@code shift} (a fraction of it). */
    private Light classify(double v, double shift) {
        double f = 1 + shift;
        if (v >= profile.redFrom() * f) return Light.RED;
        if (v >= profile.yellowFrom() * f) return Light.YELLOW;
        if (profile.blueBelow() != null && v < profile.blueBelow() * f) return Light.BLUE;
        return Light.GREEN;
    }

    /** Whether {@code a} is a worse air band than {@code b}: it begins at a higher CO2 level. */
    private boolean above(Light a, Light b) {
        return floor(a) > floor(b);
    }

    /** The CO2 from which a light begins. */
    private double floor(Light l) {
        return switch (l) {
            case BLUE -> Double.NEGATIVE_INFINITY;
            case GREEN -> profile.blueBelow() == null ? Double.NEGATIVE_INFINITY : profile.blueBelow();
            case YELLOW -> profile.yellowFrom();
            case RED -> profile.redFrom();
            case GREY -> throw new IllegalArgumentException("GREY is no CO2 band");
        };
    }
}
