package org.frischluft.rooms;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * A threshold profile: CO2 from which the light turns yellow and red, an optional blue band below which the
 * class may close the windows, and how the light resists flapping.
 *
 * <p>A level starts at its threshold (a reading of exactly {@code yellowFrom} is yellow). The light moves up
 * when readings have been at or above the next threshold for {@code minDuration}; it moves down when readings
 * have been below the threshold lowered by {@code hysteresis} (a fraction of the threshold) for
 * {@code minDuration}. A reading {@code jump} (a fraction) beyond a threshold in either direction shows at
 * once.
 *
 * @param blueBelow   ppm below which the light is blue ("you may close the windows"), or null for no blue band
 * @param hysteresis  fraction of a threshold by which readings must fall below it to leave its level, e.g.
 *                    0.075 = 75 ppm at 1000 ppm (the sensors' stated accuracy there is ±60 ppm)
 * @param minDuration how long readings must agree before the light changes (both directions)
 * @param jump        fraction of a threshold beyond which a single reading changes the light at once
 */
public record Profile(String id, double yellowFrom, double redFrom, Double blueBelow, double hysteresis,
                      Duration minDuration, double jump) {
    /** Default hysteresis: 7.5 % of the threshold. */
    public static final double DEFAULT_HYSTERESIS = 0.075;
    /** Default minimum duration before a change: 3 minutes. */
    public static final Duration DEFAULT_MIN_DURATION = Duration.ofMinutes(3);
    /** Default jump: 20 % past a threshold shows at once. */
    public static final double DEFAULT_JUMP = 0.20;

    public Profile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(minDuration, "minDuration");
        if (!(yellowFrom > 0 && redFrom > yellowFrom)) {
            throw new IllegalArgumentException("profile " + id + ": need 0 < yellow < red");
        }
        if (blueBelow != null && !(blueBelow > 0 && blueBelow < yellowFrom * (1 - hysteresis))) {
            throw new IllegalArgumentException("profile " + id + ": blue band must lie below yellow");
        }
        if (!(hysteresis >= 0 && hysteresis < 0.5)) {
            throw new IllegalArgumentException("profile " + id + ": hysteresis must be a fraction in [0, 0.5)");
        }
        if (!(jump > 0) || minDuration.isNegative()) {
            throw new IllegalArgumentException("profile " + id + ": jump must be > 0 and minDuration >= 0");
        }
    }

    /** A profile with the default hysteresis, minimum duration and jump. */
    public Profile(String id, double yellowFrom, double redFrom, Double blueBelow) {
        this(id, yellowFrom, redFrom, blueBelow, DEFAULT_HYSTERESIS, DEFAULT_MIN_DURATION, DEFAULT_JUMP);
    }

    /** Default: UBA guide values / ASR A3.6, 1000 and 2000 ppm. */
    public static final Profile UBA = new Profile("uba", 1000, 2000, null);

    /** This profile with a blue band below {@code ppm}; the id gains the suffix {@code +blue<ppm>}. */
    public Profile withBlue(double ppm) {
        int plus = id.indexOf('+');
        String base = plus > 0 ? id.substring(0, plus) : id;
        return new Profile(base + "+blue" + fmt(ppm), yellowFrom, redFrom, ppm, hysteresis, minDuration, jump);
    }

    /** This profile with other anti-flapping settings (e.g. none at all, to compare). */
    public Profile withDamping(double hysteresis, Duration minDuration, double jump) {
        return new Profile(id, yellowFrom, redFrom, blueBelow, hysteresis, minDuration, jump);
    }

    private static String fmt(double ppm) {
        return ppm == Math.rint(ppm) ? Long.toString((long) ppm) : String.format(Locale.ROOT, "%s", ppm);
    }
}
