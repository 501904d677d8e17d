package org.frischluft.report;

import java.time.LocalDate;
import org.frischluft.model.RoomId;

/**
 * A room's lessons over a week or a term. Shares are of the complete lessons (at least half their minutes with
 * data); incomplete ones are only counted.
 *
 * @param from              first day (a week's Monday, or the period's first day)
 * @param to                last day, included
 * @param lessons           lessons held (school days, bell schedule)
 * @param complete          of them with enough data
 * @param meanAbove1000     complete lessons whose mean is above 1000 ppm
 * @param meanIn1000To2000  complete lessons whose mean lies in (1000, 2000] ppm (ASR A3.6's band)
 * @param warnstufe2        Warnstufe-2 events
 * @param weeks             weeks in the period (1 for a week)
 * @param weeksNeedingPlan  weeks in which a ventilation plan is needed
 * @param meanPpm           time-weighted mean over the complete lessons; NaN without any
 * @param peakPpm           highest value in any lesson; NaN without data
 */
public record PeriodSummary(RoomId room, LocalDate from, LocalDate to, int lessons, int complete, int meanAbove1000,
                            int meanIn1000To2000, int warnstufe2, int weeks, int weeksNeedingPlan, double meanPpm,
                            double peakPpm) {
    /** Percent of complete lessons with a mean above 1000 ppm; NaN without any. */
    public double pctMeanAbove1000() {
        return complete == 0 ? Double.NaN : 100.0 * meanAbove1000 / complete;
    }

    public double pctMeanIn1000To2000() {
        return complete == 0 ? Double.NaN : 100.0 * meanIn1000To2000 / complete;
    }

    /** Flag "Lüftungsplan nötig (ASR A3.6)": in a week (of the period), ≥ 25 % of the lesson means in 1000–2000 ppm. */
    public boolean ventilationPlanNeeded() {
        return weeksNeedingPlan > 0;
    }

    /** Flag "Warnstufe 2": at least one event. */
    public boolean warnstufe2Flag() {
        return warnstufe2 > 0;
    }
}
