package org.frischluft.ui.city;

import java.time.Instant;
import org.frischluft.model.Light;
import org.frischluft.model.RoomId;
import org.frischluft.model.SiteId;

/**
 * One room as the city view lists it (a problem, a search hit, a site's worst room): immutable, made off the FX
 * thread from a live snapshot.
 *
 * @param silent     grey after the sensor was heard before (it fell silent)
 * @param lastReading time of the latest CO2 value, null if never heard
 */
public record RoomRef(RoomId id, String name, SiteId site, String siteName, String building, String floor, Light light,
                      Double co2, Instant lastReading, boolean lowBattery, boolean silent) {
    /** How urgent: red 3, grey 2, yellow 1, else 0. */
    int urgency() {
        return switch (light) {
            case RED -> 3;
            case GREY -> 2;
            case YELLOW -> 1;
            default -> 0;
        };
    }
}
