package org.frischluft.report;

import java.time.Duration;
import java.time.Instant;
import org.frischluft.model.RoomId;

/** A Warnstufe-2 event: CO2 above 2000 ppm without a break for longer than 30 minutes in school time. */
public record Episode(RoomId room, Instant start, Instant end, double peakPpm) {
    public Duration length() {
        return Duration.between(start, end);
    }
}
