package org.frischluft.store;

import java.util.Objects;

/**
 * One room's CO2 over a time range, for reports: raw readings where they are still kept, 5-minute rollup
 * buckets before that (raw readings past retention). In time order; immutable (the arrays are not handed out).
 * A raw reading has {@code span 0} and its value as peak; a bucket has its width as span, its mean as value and
 * its maximum as peak.
 */
public final class Co2Series {
    private final long[] ms;
    private final float[] value;
    private final float[] peak;
    private final int[] span;

    public Co2Series(long[] ms, float[] value, float[] peak, int[] spanMs) {
        int n = ms.length;
        if (value.length != n || peak.length != n || spanMs.length != n) throw new IllegalArgumentException("lengths differ");
        for (int i = 1; i < n; i++) {
            if (ms[i] < ms[i - 1]) throw new IllegalArgumentException("not in time order at " + i);
        }
        this.ms = ms.clone();
        this.value = value.clone();
        this.peak = peak.clone();
        this.span = spanMs.clone();
    }

    public static final Co2Series EMPTY = new Co2Series(new long[0], new float[0], new float[0], new int[0]);

    public int size() {
        return ms.length;
    }

    /** Epoch milliseconds of sample {@code i} (a bucket's start). */
    public long ms(int i) {
        return ms[i];
    }

    public float value(int i) {
        return value[i];
    }

    public float peak(int i) {
        return peak[i];
    }

    /** 0 for a raw reading, else the bucket's width in milliseconds. */
    public int spanMs(int i) {
        return span[i];
    }

    /** How many samples are rollup buckets. */
    public int buckets() {
        int n = 0;
        for (int s : span) if (s > 0) n++;
        return n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Co2Series s && java.util.Arrays.equals(ms, s.ms) && java.util.Arrays.equals(value, s.value)
                && java.util.Arrays.equals(peak, s.peak) && java.util.Arrays.equals(span, s.span);
    }

    @Override
    public int hashCode() {
        return Objects.hash(java.util.Arrays.hashCode(ms), java.util.Arrays.hashCode(value));
    }

    @Override
    public String toString() {
        return "Co2Series[" + ms.length + " samples, " + buckets() + " buckets]";
    }
}
