package org.frischluft.ui.city;

import java.util.Comparator;
import org.frischluft.model.Light;
import org.frischluft.model.SiteId;

/**
 * One school site in one line: rooms per state, the worst room with its value, sensors fallen silent, low
 * batteries, open alerts. Immutable, made off the FX thread.
 *
 * @param grey   rooms without current data (silent or never heard)
 * @param silent rooms whose sensor was heard and then fell silent
 * @param worst  the room needing attention most (highest CO2 of the red, then yellow ones; else a silent one), or null
 */
public record SiteSummary(SiteId id, String name, int rooms, int red, int yellow, int green, int grey, int blue,
                          int silent, int lowBattery, int openAlerts, RoomRef worst) {
    /** What needs attention first: red rooms, then rooms without data, open alerts, yellow, low batteries; then the name. */
    public static final Comparator<SiteSummary> BY_ATTENTION = Comparator.comparingInt(SiteSummary::red).reversed()
            .thenComparing(Comparator.comparingInt(SiteSummary::grey).reversed())
            .thenComparing(Comparator.comparingInt(SiteSummary::openAlerts).reversed())
            .thenComparing(Comparator.comparingInt(SiteSummary::yellow).reversed())
            .thenComparing(Comparator.comparingInt(SiteSummary::lowBattery).reversed())
            .thenComparing(SiteSummary::name);

    /** The light the site's card shows: red if any room is red, else grey, yellow, green. */
    public Light light() {
        if (red > 0) return Light.RED;
        if (grey > 0) return Light.GREY;
        if (yellow > 0) return Light.YELLOW;
        return Light.GREEN;
    }
}
