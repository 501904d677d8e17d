package org.frischluft.rooms;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.frischluft.model.SiteId;

/**
 * One school site (address-free: a name people recognise, no street, no person).
 *
 * @param profile  the threshold profile of its rooms unless a room has its own; null for the file's default
 * @param display  the display policy of its kiosks unless a room or kiosk has its own; null = always on
 * @param comfort  temperature, humidity and battery limits of its rooms
 */
public record Site(SiteId id, String name, SchoolCalendar calendar, Profile profile, DisplayPolicy display,
                   ComfortLimits comfort, List<Building> buildings, List<Kiosk> kiosks) {
    public Site {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(calendar, "calendar");
        name = name == null || name.isBlank() ? id.value() : name.strip();
        comfort = comfort == null ? ComfortLimits.DEFAULT : comfort;
        buildings = List.copyOf(buildings);
        kiosks = List.copyOf(kiosks);
    }

    /** Every room of the site: buildings in file order, floors in floor order, rooms in file order. */
    public List<Room> rooms() {
        List<Room> out = new ArrayList<>();
        for (Building b : buildings) {
            for (Floor f : b.floors()) out.addAll(f.rooms());
        }
        return out;
    }
}
