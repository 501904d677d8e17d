package org.frischluft.report;

import org.frischluft.store.Co2Series;

/**
 * A room's CO2 as time intervals: each sample stands for {@code [start, end)}. A raw reading holds until the next
 * reading, but at most three of the sensor's usual intervals (the median gap; at least 1, at most 15 minutes), the
 * same "three missed uplinks" after which the light turns grey: a longer silence is a gap, not data. A 5-minute
 * rollup bucket holds its 5 minutes with its mean (its maximum as peak). Immutable.
 */
final class Samples {
    static final long MIN_HOLD_MS = 60_000;
    static final long MAX_HOLD_MS = 15 * 60_000;

    final long[] start;
    final long[] end;
    final double[] value;
    final double[] peak;
    final int n;
    /** The longest a sample holds here (for searches). */
    final long longest;

    private Samples(long[] start, long[] end, double[] value, double[] peak) {
        this.start = start;
        this.end = end;
        this.value = value;
        this.peak = peak;
        this.n = start.length;
        long l = 0;
        for (int i = 0; i < n; i++) l = Math.max(l, end[i] - start[i]);
        this.longest = l;
    }

    static Samples of(Co2Series s) {
        int n = s.size();
        long[] start = new long[n];
        long[] end = new long[n];
        double[] value = new double[n];
        double[] peak = new double[n];
        long maxHold = maxHold(s);
        for (int i = 0; i < n; i++) {
            start[i] = s.ms(i);
            value[i] = s.value(i);
            peak[i] = s.peak(i);
            if (s.spanMs(i) > 0) {
                end[i] = start[i] + s.spanMs(i);
            } else {
                int j = i + 1;
                while (j < n && s.ms(j) == s.ms(i)) j++;
                end[i] = j < n ? Math.min(s.ms(j), start[i] + maxHold) : start[i] + maxHold;
            }
        }
        return new Samples(start, end, value, peak);
    }

    /** Three times the median gap between raw readings, within [1, 15] minutes; 15 minutes with fewer than two. */
    static long maxHold(Co2Series s) {
        int n = s.size();
        long[] gaps = new long[Math.max(0, n - 1)];
        int g = 0;
        for (int i = 1; i < n; i++) {
            if (s.spanMs(i) == 0 && s.spanMs(i - 1) == 0 && s.ms(i) > s.ms(i - 1)) gaps[g++] = s.ms(i) - s.ms(i - 1);
        }
        if (g == 0) return MAX_HOLD_MS;
        java.util.Arrays.sort(gaps, 0, g);
        long median = gaps[g / 2];
        return Math.max(MIN_HOLD_MS, Math.min(MAX_HOLD_MS, 3 * median));
    }

    /** The first sample that may reach into {@code [t, …)}: its start is at most {@link #longest} before t. */
    int firstReaching(long t) {
        long key = t - longest;
        int lo = 0, hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (start[mid] < key) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
