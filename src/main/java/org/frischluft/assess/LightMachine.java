package org.frischluft.assess;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.NavigableMap;
import org.frischluft.model.Light;
import org.frischluft.rooms.Profile;

/**
 * The colour of a room's light as a state machine over its CO2 readings in time order, on {@link Light} values:
 * BLUE (when the profile has a blue band), GREEN, YELLOW, RED. Never GREY: staleness is the assessor's.
 *
 * <ul>
 *   <li>A light begins at its threshold (a reading of exactly {@code yellowFrom} is yellow).</li>
 *   <li>Hysteresis: to leave a light downwards, readings must fall below its threshold less the profile's
 *   hysteresis.</li>
 *   <li>Hold: every reading must agree for the profile's minimum duration before the light changes.</li>
 *   <li>Jump: a reading the profile's jump beyond a threshold changes the light at once.</li>
 *   <li>After a grey gap the first reading sets the light afresh.</li>
 * </ul>
 * Readings older than the last one used are ignored: the colour's history is not rewritten. Not thread-safe.
 */
final class LightMachine {
    private enum Direction { UP, DOWN }

    private final Profile profile;

    private Light light;
    private Instant since;
    private Instant processed;
    private Direction candidate;
    private Instant candidateSince;

    LightMachine(Profile profile) {
        this.profile = profile;
    }

    /** The light after the readings so far, or null before the first CO2 reading. */
    Light light() {
        return light;
    }

    /** Since when the light shows, null before the first CO2 reading. */
    Instant since() {
        return since;
    }

    /**
     * Takes the readings of {@code co2} up to {@code now} not yet taken, in time order; a silence of
     * {@code gapAfter} or more between two readings counts as a grey gap.
     */
    void advance(NavigableMap<Instant, Double> co2, Instant now, Duration gapAfter) {
        NavigableMap<Instant, Double> todo = processed == null ? co2.headMap(now, true)
                : co2.subMap(processed, false, now, true);
        for (Map.Entry<Instant, Double> e : todo.entrySet()) {
            step(e.getKey(), e.getValue(), gapAfter);
        }
    }

    private void step(Instant t, double v, Duration gapAfter) {
        // after a grey gap the first reading sets the colour afresh: nothing older is worth holding on to
        boolean gap = processed != null && !t.isBefore(processed.plus(gapAfter));
        processed = t;
        if (light == null || gap) {
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
        boolean rising = above(target, light);
        Light jumped = rising ? classify(v, profile.jump()) : classify(v, -profile.hysteresis() - profile.jump());
        if (rising ? above(jumped, light) : above(light, jumped)) {
            change(jumped, t);
            return;
        }
        Direction dir = rising ? Direction.UP : Direction.DOWN;
        if (candidate != dir) {
            candidate = dir;
            candidateSince = t;
        }
        if (Duration.between(candidateSince, t).compareTo(profile.minDuration()) >= 0) {
            change(target, t);
        }
    }

    private void change(Light to, Instant t) {
        if (to != light) {
            light = to;
            since = t;
        }
        candidate = null;
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
