package org.frischluft.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.frischluft.model.RoomId;
import org.frischluft.rooms.Room;
import org.frischluft.rooms.SchoolModel;
import org.frischluft.rooms.Site;

/**
 * The lesson report of a school (or a city): every room of every site, each with its site's calendar, over days
 * {@code from..to}. Rooms are read one after the other, so memory holds one room's data at a time.
 */
public final class SchoolReport {
    /** One site's rooms. */
    public record SiteReport(Site site, List<RoomReport> rooms) {
        public SiteReport {
            rooms = List.copyOf(rooms);
        }
    }

    private SchoolReport() {
    }

    /** Calls {@code each} with every selected room's report, site by site, rooms in file order. */
    public static void forEachRoom(SchoolModel school, Co2Source source, LocalDate from, LocalDate to,
                                   Predicate<RoomId> rooms, java.util.function.BiConsumer<Site, RoomReport> each) {
        for (Site site : school.sites()) {
            Instant[] range = LessonReport.range(site.calendar(), from, to);
            for (Room room : site.rooms()) {
                if (!rooms.test(room.id())) continue;
                each.accept(site, LessonReport.room(site.calendar(), room.id(), room.name(),
                        source.co2(room.id(), range[0], range[1]), from, to));
            }
        }
    }

    /** All selected rooms' reports, by site (sites without a selected room are left out). */
    public static List<SiteReport> of(SchoolModel school, Co2Source source, LocalDate from, LocalDate to,
                                      Predicate<RoomId> rooms) {
        List<SiteReport> out = new ArrayList<>();
        for (Site site : school.sites()) {
            List<RoomReport> rs = new ArrayList<>();
            Instant[] range = LessonReport.range(site.calendar(), from, to);
            for (Room room : site.rooms()) {
                if (!rooms.test(room.id())) continue;
                rs.add(LessonReport.room(site.calendar(), room.id(), room.name(), source.co2(room.id(), range[0], range[1]),
                        from, to));
            }
            if (!rs.isEmpty()) out.add(new SiteReport(site, rs));
        }
        return out;
    }
}
