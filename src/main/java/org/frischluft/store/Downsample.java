package org.frischluft.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Min/max-preserving thinning of a time-ordered series to a pixel budget. */
final class Downsample {
    private Downsample() {
    }

    /**
     * Splits {@code [from, to)} into {@code maxPoints / 2} columns and keeps each column's lowest and highest
     * point in time order, so no peak or trough disappears. A series that already fits is returned as is.
     */
    static List<SeriesPoint> minMax(List<SeriesPoint> points, Instant from, Instant to, int maxPoints) {
        if (points.size() <= maxPoints) return List.copyOf(points);
        long fromMs = from.toEpochMilli();
        long span = Math.max(1, to.toEpochMilli() - fromMs);
        int columns = Math.max(1, maxPoints / 2);
        List<SeriesPoint> out = new ArrayList<>(columns * 2);
        int col = -1;
        SeriesPoint lo = null;
        SeriesPoint hi = null;
        for (SeriesPoint p : points) {
            long offset = Math.max(0, Math.min(span - 1, p.time().toEpochMilli() - fromMs));
            int c = (int) (offset * columns / span);
            if (c != col) {
                emit(out, lo, hi);
                col = c;
                lo = p;
                hi = p;
            } else {
                if (p.value() < lo.value()) lo = p;
                if (p.value() > hi.value()) hi = p;
            }
        }
        emit(out, lo, hi);
        return List.copyOf(out);
    }

    private static void emit(List<SeriesPoint> out, SeriesPoint lo, SeriesPoint hi) {
        if (lo == null) return;
        if (lo == hi) {
            out.add(lo);
        } else if (lo.time().isAfter(hi.time())) {
            out.add(hi);
            out.add(lo);
        } else {
            out.add(lo);
            out.add(hi);
        }
    }
}
