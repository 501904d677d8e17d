package org.frischluft.store;

import java.time.Instant;
import java.util.Objects;

/**
 * Statistics of one metric over one interval {@code [start, end)}, e.g. one lesson.
 *
 * @param count        number of readings in the interval
 * @param min          smallest value, NaN when {@code count == 0}
 * @param mean         arithmetic mean of the readings, NaN when {@code count == 0}
 * @param max          largest value, NaN when {@code count == 0}
 * @param minutesAbove minutes during which the last known value was above the threshold (a reading holds until
 *                     the next one, at most {@link HistoryQueries#MAX_HOLD}); 0 when there are no readings
 */
public record IntervalStats(Instant start, Instant end, long count, double min, double mean, double max,
                            double minutesAbove) {
    public IntervalStats {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
    }
}
