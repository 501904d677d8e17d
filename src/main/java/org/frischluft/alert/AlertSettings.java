package org.frischluft.alert;

import java.time.Duration;
import java.time.Month;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.frischluft.model.SensorModel;

/**
 * The thresholds and durations of the rules for one site (defaults from DOMAIN.md). Keys in the alert settings
 * file are the component names, e.g. {@code "co2HighPpm": 1800}.
 *
 * @param co2HighPpm            {@code co2-high}: above this … (2000, Warnstufe 2)
 * @param co2HighMinutes        … for this long in school time (30)
 * @param co2ResolvePpm         resolves at a reading at or below this (1850: hysteresis, no flapping)
 * @param redInLessonMinutes    {@code red-in-lesson}: the room's light red this long in one lesson (10)
 * @param silentSettleMinutes   {@code sensor-silent}: this long after the light turned grey (about three learnt
 *                              intervals), so a whole site's silence is seen as one (15)
 * @param silentRepeatHours     reminder of an unacknowledged silence (24)
 * @param siteSilentMinRooms    a site with at least this many reporting rooms all silent is one site alert (2)
 * @param batteryPct            {@code battery-low}: below this percentage (20)
 * @param batteryVolts          or below this voltage for these models (Elsys 2×AA: 3.0 V)
 * @param driftBelowPpm         {@code drift}: median of the quiet-time minima below this … (380)
 * @param driftAbovePpm         … or above this (500)
 * @param driftDays             over this many days (7)
 * @param windowDropK           {@code window-open}: temperature falling more than this … (3 K)
 * @param windowMinutes         … within this many minutes (30)
 * @param windowCo2BelowPpm     with CO2 below this (500, outdoor level)
 * @param heatingMonths         only in these months (October to April)
 * @param escalateSchoolDays    unacknowledged this many school days: escalated (2)
 * @param off                   rules switched off at this site
 */
public record AlertSettings(double co2HighPpm, int co2HighMinutes, double co2ResolvePpm, int redInLessonMinutes,
                            int silentSettleMinutes, int silentRepeatHours, int siteSilentMinRooms, double batteryPct,
                            Map<SensorModel, Double> batteryVolts, double driftBelowPpm, double driftAbovePpm,
                            int driftDays, double windowDropK, int windowMinutes, double windowCo2BelowPpm,
                            Set<Month> heatingMonths, int escalateSchoolDays, Set<Rule> off) {
    public static final AlertSettings DEFAULTS = new AlertSettings(2000, 30, 1850, 10, 15, 24, 2, 20,
            Map.of(SensorModel.ELSYS_ERS_CO2, 3.0), 380, 500, 7, 3, 30, 500,
            EnumSet.of(Month.OCTOBER, Month.NOVEMBER, Month.DECEMBER, Month.JANUARY, Month.FEBRUARY, Month.MARCH,
                    Month.APRIL), 2, Set.of());

    public AlertSettings {
        batteryVolts = Map.copyOf(batteryVolts);
        heatingMonths = heatingMonths.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(heatingMonths));
        off = off.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(off));
        Objects.requireNonNull(heatingMonths);
    }

    public boolean on(Rule r) {
        return !off.contains(r);
    }

    Duration co2HighFor() {
        return Duration.ofMinutes(co2HighMinutes);
    }

    Duration redFor() {
        return Duration.ofMinutes(redInLessonMinutes);
    }

    Duration silentSettle() {
        return Duration.ofMinutes(silentSettleMinutes);
    }

    Duration silentRepeat() {
        return Duration.ofHours(silentRepeatHours);
    }

    Duration windowWithin() {
        return Duration.ofMinutes(windowMinutes);
    }
}
