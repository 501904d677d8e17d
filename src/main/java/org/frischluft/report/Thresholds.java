package org.frischluft.report;

import java.time.Duration;

/** The report's yardsticks: UBA guide values, ASR A3.6 and Lübeck's Warnstufe 2. */
public final class Thresholds {
    /** UBA: a lesson's mean should stay below this; ASR A3.6: above it, improve ventilation. */
    public static final double CONSPICUOUS = 1000;
    /** UBA: above this the air is unacceptable. */
    public static final double UNACCEPTABLE = 2000;
    /** Warnstufe 2: above {@link #UNACCEPTABLE} for longer than this, in school time. */
    public static final Duration WARNSTUFE_2 = Duration.ofMinutes(30);
    /** ASR A3.6 ventilation plan: lesson means in 1000–2000 ppm in at least this share of a week's lessons. */
    public static final double VENTILATION_PLAN_SHARE = 0.25;
    /** Outdoor CO2 where no floor was measured. */
    public static final double OUTDOOR_PPM = 420;

    private Thresholds() {
    }
}
