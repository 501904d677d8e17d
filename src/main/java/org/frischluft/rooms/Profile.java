package org.frischluft.rooms;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * A threshold profile: CO2 from which the light turns yellow and red, an optional blue band below which the
 * class may close the windows, and how the light resists flapping.
 *
 * <p>A level starts at its threshold (a reading of exactly {@code yellowFrom} is yellow). The light moves up
 * when every reading for {@code holdUp} has been at or above the next threshold; it moves down when every
 * reading for {@code holdDown} has been below the threshold lowered by {@code hysteresis} (a fraction of the
 * threshold). A reading {@code jump} (a fraction) beyond a threshold in either direction shows at once.
 *
 * @param id          the id a school or room names in its configuration, e.g. {@code uba+blue600}
 * @param name        a human-readable name, e.g. "UBA / ASR A3.6"; null or blank means the id
 * @param blueBelow   ppm below which the light is blue ("you may close the windows"), or null for no blue band
 * @param hysteresis  fraction of a threshold by which readings must fall below it to leave its level, e.g.
 *                    0.075 = 75 ppm at 1000 ppm (the sensors' stated accuracy there is ±60 ppm)
 * @param holdUp      how long readings must agree before the light moves to a worse level
 * @param holdDown    how long readings must agree before the light moves to a better level
 * @param jump        fraction of a threshold beyond which a single reading changes the light at once
 */
public record Profile(String id, String name, double yellowFrom, double redFrom, Double blueBelow, double hysteresis,
                      Duration holdUp, Duration holdDown, double jump) {
    /** Default hysteresis: 7.5 % of the threshold. */
    public static final double DEFAULT_HYSTERESIS = 0.075;
    /**
     * Default hold before a change, both ways: 2 minutes. A room that has crossed 1000 ppm shows yellow within
     * about 2 minutes at 1- and 2-minute uplinks (see {@code docs/assessment.md}).
     */
    public static final Duration DEFAULT_HOLD = Duration.ofMinutes(2);
    /** Default jump: 20 % past a threshold shows at once. */
    public static final double DEFAULT_JUMP = 0.20;

    public Profile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(holdUp, "holdUp");
        Objects.requireNonNull(holdDown, "holdDown");
        if (name == null || name.isBlank()) name = id;
        if (!(yellowFrom > 0 && redFrom > yellowFrom)) {
            throw new IllegalArgumentException("profile " + id + ": need 0 < yellow < red");
        }
        if (blueBelow != null && !(blueBelow > 0 && blueBelow < yellowFrom * (1 - hysteresis))) {
            throw new IllegalArgumentException("profile " + id + ": blue band must lie below yellow");
        }
        if (!(hysteresis >= 0 && hysteresis < 0.5)) {
            throw new IllegalArgumentException("profile " + id + ": hysteresis must be a fraction in [0, 0.5)");
        }
        if (!(jump > 0)) {
            throw new IllegalArgumentException("profile " + id + ": jump must be > 0");
        }
        if (holdUp.isNegative() || holdDown.isNegative()) {
            throw new IllegalArgumentException("profile " + id + ": hold times must be >= 0");
        }
    }

    /** A profile named by its id with the default hysteresis, hold times and jump. */
    public Profile(String id, double yellowFrom, double redFrom, Double blueBelow) {
        this(id, null, yellowFrom, redFrom, blueBelow, DEFAULT_HYSTERESIS, DEFAULT_HOLD, DEFAULT_HOLD, DEFAULT_JUMP);
    }

    /** Default: UBA guide values / ASR A3.6, 1000 and 2000 ppm. */
    public static final Profile UBA = new Profile("uba", "UBA / ASR A3.6", 1000, 2000, null, DEFAULT_HYSTERESIS,
            DEFAULT_HOLD, DEFAULT_HOLD, DEFAULT_JUMP);

    /**
     * This profile with a blue band below {@code ppm}; the id gains the suffix {@code +blue<ppm>}. A name that
     * was only the id follows the new id; a real name stays (the band is in {@link #blueBelow()}).
     */
    public Profile withBlue(double ppm) {
        int plus = id.indexOf('+');
        String base = plus > 0 ? id.substring(0, plus) : id;
        String newId = base + "+blue" + fmt(ppm);
        return new Profile(newId, name.equals(id) ? newId : name, yellowFrom, redFrom, ppm, hysteresis, holdUp,
                holdDown, jump);
    }

    /** This profile with other anti-flapping settings (e.g. none at all, to compare). */
    public Profile withDamping(double hysteresis, Duration holdUp, Duration holdDown, double jump) {
        return new Profile(id, name, yellowFrom, redFrom, blueBelow, hysteresis, holdUp, holdDown, jump);
    }

    private static String fmt(double ppm) {
        return ppm == Math.rint(ppm) ? Long.toString((long) ppm) : String.format(Locale.ROOT, "%s", ppm);
    }
}
