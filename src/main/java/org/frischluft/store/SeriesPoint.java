package org.frischluft.store;

import java.time.Instant;
import java.util.Objects;

/** One point of a chart series. */
public record SeriesPoint(Instant time, double value) {
    public SeriesPoint {
        Objects.requireNonNull(time, "time");
    }
}
