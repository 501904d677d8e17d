package org.frischluft.ui.city;

import java.util.List;
import java.util.Map;
import org.frischluft.model.Light;
import org.frischluft.model.RoomId;

/**
 * What the city view shows at one moment, numbered: every site's summary in attention order, every red and grey
 * room across the city (most urgent first), the city's counts per state, and every room's line by id (for the
 * search and a site's drill-down). Immutable; handed from the {@code city-aggregate} thread to the FX thread.
 */
public record CityState(long version, List<SiteSummary> sites, List<RoomRef> problems, Map<Light, Integer> counts,
                        Map<RoomId, RoomRef> rooms) {
    public static final CityState EMPTY = new CityState(0, List.of(), List.of(), Map.of(), Map.of());

    public CityState {
        sites = List.copyOf(sites);
        problems = List.copyOf(problems);
        counts = Map.copyOf(counts);
        rooms = Map.copyOf(rooms);
    }

    public int count(Light light) {
        return counts.getOrDefault(light, 0);
    }
}
