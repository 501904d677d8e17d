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

/** The air-change estimate of every selected room of a school, ranked: rooms windows cannot air enough first. */
public final class AirChangeReport {
    private AirChangeReport() {
    }

    public static List<AirChange.Estimate> of(SchoolModel school, Co2Source source, LocalDate from, LocalDate to,
                                              Predicate<RoomId> rooms, double outdoor) {
        List<AirChange.Estimate> out = new ArrayList<>();
        for (Site site : school.sites()) out.addAll(ofSite(site, source, from, to, rooms, outdoor));
        return AirChange.ranked(out);
    }

    /** One site's rooms, ranked. */
    public static List<AirChange.Estimate> ofSite(Site site, Co2Source source, LocalDate from, LocalDate to,
                                                  Predicate<RoomId> rooms, double outdoor) {
        List<AirChange.Estimate> out = new ArrayList<>();
        Instant a = LessonReport.range(site.calendar(), from, to)[0];
        // the last night reaches into the next school morning
        Instant b = site.calendar().at(site.calendar().schoolDayOnOrAfter(to.plusDays(1)), site.calendar().hoursFrom());
        for (Room room : site.rooms()) {
            if (!rooms.test(room.id())) continue;
            out.add(AirChange.estimate(site.calendar(), room, source.co2(room.id(), a, b), from, to, outdoor));
        }
        return AirChange.ranked(out);
    }
}
