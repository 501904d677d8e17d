package org.frischluft.report;

import org.frischluft.store.IntervalStats;

/**
 * Stats of several intervals merged into one (the school-hour spans of a day or a week): counts and minutes above
 * the threshold add up, the mean is weighted by each interval's count, the peak is the largest. Intervals without
 * data count for their minutes above (none) only.
 *
 * @param mean NaN when no interval had data
 * @param max  NaN when no interval had data
 */
public record Combined(long count, double mean, double max, double minutesAbove) {
    public static final Combined NONE = new Combined(0, Double.NaN, Double.NaN, 0);

    /** This and {@code s} together. */
    public Combined plus(IntervalStats s) {
        double above = minutesAbove + s.minutesAbove();
        if (s.count() == 0) return new Combined(count, mean, max, above);
        long n = count + s.count();
        double sum = (count == 0 ? 0 : mean * count) + s.mean() * s.count();
        double peak = Double.isNaN(max) ? s.max() : Math.max(max, s.max());
        return new Combined(n, sum / n, peak, above);
    }

    /** All of {@code stats} merged. */
    public static Combined of(Iterable<IntervalStats> stats) {
        Combined c = NONE;
        for (IntervalStats s : stats) c = c.plus(s);
        return c;
    }
}
