package org.frischluft.ui.room;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The answer to a {@link RoomHistoryRequest}: the chart's CO2 points (already thinned to the chart's width)
 * and one {@link PeriodStats} per planned period, in the same order.
 */
public record RoomHistoryData(RoomHistoryRequest request, List<Point> points, List<PeriodStats> periods) {
    /** One chart point: CO2 in ppm at a time. */
    public record Point(Instant time, double ppm) {
        public Point {
            Objects.requireNonNull(time, "time");
        }
    }

    /**
     * CO2 over one period's school hours.
     *
     * @param count        readings in the period (0: no data, mean and max are NaN)
     * @param minutesAbove minutes the value was above the request's threshold
     */
    public record PeriodStats(HistoryPlan.Period period, long count, double mean, double max, double minutesAbove) {
        public PeriodStats {
            Objects.requireNonNull(period, "period");
        }
    }

    public RoomHistoryData {
        Objects.requireNonNull(request, "request");
        points = List.copyOf(points);
        periods = List.copyOf(periods);
    }
}
