package org.frischluft.report;

import java.time.Instant;
import org.frischluft.model.RoomId;
import org.frischluft.store.Co2Series;

/** Where a report gets a room's CO2 from: the history store ({@code store.reports()::co2}) or a CSV export. */
@FunctionalInterface
public interface Co2Source {
    /** The room's CO2 over {@code [from, to)} in time order; empty when there is none. */
    Co2Series co2(RoomId room, Instant from, Instant to);
}
