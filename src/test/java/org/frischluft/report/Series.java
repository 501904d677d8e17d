package org.frischluft.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.frischluft.store.Co2Series;

/** Builds raw CO2 series for report tests: {@code Series.raw().at("2026-11-02T07:00:00Z", 800).every(5, 900, 1000)}. */
final class Series {
    private final List<long[]> rows = new ArrayList<>(); // ms, value bits, peak bits, span
    private long last;

    static Series raw() {
        return new Series();
    }

    Series at(String utc, double value) {
        last = Instant.parse(utc).toEpochMilli();
        rows.add(new long[] {last, Double.doubleToLongBits(value), Double.doubleToLongBits(value), 0});
        return this;
    }

    /** Further readings every {@code minutes} after the last one. */
    Series every(int minutes, double... values) {
        for (double v : values) {
            last += minutes * 60_000L;
            rows.add(new long[] {last, Double.doubleToLongBits(v), Double.doubleToLongBits(v), 0});
        }
        return this;
    }

    /** A 5-minute rollup bucket. */
    Series bucket(String utc, double mean, double max) {
        last = Instant.parse(utc).toEpochMilli();
        rows.add(new long[] {last, Double.doubleToLongBits(mean), Double.doubleToLongBits(max), 300_000});
        return this;
    }

    Co2Series build() {
        rows.sort(java.util.Comparator.comparingLong(r -> r[0]));
        int n = rows.size();
        long[] ms = new long[n];
        float[] v = new float[n];
        float[] p = new float[n];
        int[] s = new int[n];
        for (int i = 0; i < n; i++) {
            long[] r = rows.get(i);
            ms[i] = r[0];
            v[i] = (float) Double.longBitsToDouble(r[1]);
            p[i] = (float) Double.longBitsToDouble(r[2]);
            s[i] = (int) r[3];
        }
        return new Co2Series(ms, v, p, s);
    }
}
