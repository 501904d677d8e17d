package org.frischluft.assess;

import java.time.Instant;
import java.util.Random;
import org.frischluft.model.DeviceId;
import org.frischluft.model.Reading;

/**
 * A room that follows the single-zone mass balance exactly, C(t) = Css + (C0 − Css)·e^(−λt) with
 * Css = outdoor + G/(λ·V), and a sensor that reads it with uniform noise ±(30 ppm + 3 %) and 1 ppm steps.
 *
 * @param volumeM3       room volume
 * @param airChangesPerH λ per hour
 * @param pupils         occupants, each exhaling {@link #CO2_L_PER_H} litres of CO2 per hour
 * @param c0             CO2 at t = 0
 */
record SimulatedRoom(double volumeM3, double airChangesPerH, int pupils, double c0) {
    static final double OUTDOOR = 420;
    static final double CO2_L_PER_H = 18;
    static final DeviceId DEVICE = DeviceId.of("a81758fffe0a0b0c");

    double steadyState() {
        double gM3PerH = pupils * CO2_L_PER_H / 1000;
        return OUTDOOR + gM3PerH / (airChangesPerH * volumeM3) * 1e6;
    }

    /** True CO2 after {@code minutes}. */
    double co2(double minutes) {
        double css = steadyState();
        return css + (c0 - css) * Math.exp(-airChangesPerH / 60 * minutes);
    }

    /** Minutes until the true CO2 reaches {@code level}, or NaN if it never does. */
    double minutesTo(double level) {
        double css = steadyState();
        double ratio = (level - css) / (c0 - css);
        return ratio > 0 && ratio <= 1 ? -Math.log(ratio) / (airChangesPerH / 60) : Double.NaN;
    }

    /** What a sensor reports: noise ±(30 ppm + 3 %), rounded to whole ppm. */
    static double measure(double truth, Random random) {
        return Math.round(truth + (2 * random.nextDouble() - 1) * (30 + 0.03 * truth));
    }

    Reading reading(Instant start, double minutes, Random random, Double temperature) {
        return Reading.of(DEVICE, start.plusMillis(Math.round(minutes * 60_000)), measure(co2(minutes), random),
                temperature, null);
    }
}
