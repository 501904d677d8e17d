package org.frischluft.rooms.file;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.frischluft.rooms.Holiday;
import org.frischluft.rooms.IcsHolidays;
import org.frischluft.rooms.Lesson;
import org.frischluft.rooms.PublicHolidays;
import org.frischluft.rooms.SchoolCalendar;

/**
 * Reads a site's {@code calendar}:
 * {@code {"zone": "Europe/Berlin", "state": "SH", "schoolDays": ["MON", …], "lessons": [{"name": "1",
 * "start": "08:00", "end": "08:45"}, …], "schoolHours": {"from": "07:00", "to": "17:00"},
 * "holidays": [{"name": "Weihnachtsferien", "from": "2026-12-21", "to": "2027-01-06"}], "holidaysIcs": "file.ics"}}.
 * Everything is optional: zone Europe/Berlin, Monday to Friday, the German default bell schedule.
 */
final class CalendarReader {
    static final Set<String> KEYS = Set.of("zone", "state", "schoolDays", "lessons", "schoolHours", "holidays", "holidaysIcs");

    private CalendarReader() {
    }

    /** The calendar at {@code n} (which may be missing: the default); {@code dir} resolves {@code holidaysIcs}. */
    static SchoolCalendar read(Node n, Path dir) {
        if (n.json.isMissingNode() || n.json.isNull()) {
            n.problems.warning(n.path, "calendar.missing");
            return SchoolCalendar.germanDefault();
        }
        if (!n.object("calendar")) return SchoolCalendar.germanDefault();
        n.only(KEYS);
        ZoneId zone = Values.zone(n, "zone").orElse(SchoolCalendar.DEFAULT_ZONE);
        String state = n.text("state", false).map(s -> {
            String st = PublicHolidays.normalise(s);
            if (PublicHolidays.STATES.contains(st)) return st;
            n.problems.error(n.at("state"), "state.invalid", s, String.join(", ", PublicHolidays.STATES));
            return null;
        }).orElse(null);
        if (!n.has("state")) n.problems.warning(n.at("state"), "state.missing");
        Set<DayOfWeek> days = schoolDays(n);
        List<Lesson> lessons = n.has("lessons") ? lessons(n) : Lesson.germanDefault();
        LocalTime from = null;
        LocalTime to = null;
        if (n.has("schoolHours")) {
            Node h = n.get("schoolHours");
            if (h.object("schoolHours")) {
                h.only(Set.of("from", "to"));
                from = Values.time(h, "from", true).orElse(null);
                to = Values.time(h, "to", true).orElse(null);
                if (from != null && to != null && !from.isBefore(to)) {
                    n.problems.error(h.path, "hours.order", from, to);
                    from = to = null;
                } else if (from != null && to != null && !lessons.isEmpty()
                        && (lessons.get(0).start().isBefore(from) || lessons.get(lessons.size() - 1).end().isAfter(to))) {
                    n.problems.error(h.path, "hours.lessons-outside", from, to);
                }
            }
        }
        List<Holiday> holidays = holidays(n);
        String ics = n.text("holidaysIcs", false).orElse(null);
        List<Holiday> fromIcs = ics == null ? List.of() : ics(n, dir, ics, zone);
        try {
            return new SchoolCalendar(zone, state, days, lessons, from, to, holidays, ics, fromIcs);
        } catch (IllegalArgumentException e) { // reported above; keep reading the rest of the file
            return SchoolCalendar.germanDefault();
        }
    }

    private static Set<DayOfWeek> schoolDays(Node n) {
        if (!n.has("schoolDays")) return SchoolCalendar.WEEKDAYS;
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (Node d : n.list("schoolDays", false)) {
            if (!d.json.isTextual()) {
                d.problems.error(d.path, "day.invalid", Node.shape(d.json));
                continue;
            }
            Values.day(d, d.json.textValue()).ifPresent(day -> {
                if (!days.add(day)) d.problems.warning(d.path, "day.twice", d.json.textValue());
            });
        }
        if (days.isEmpty() && n.get("schoolDays").json.isArray()) n.problems.error(n.at("schoolDays"), "days.none");
        return days.isEmpty() ? SchoolCalendar.WEEKDAYS : days;
    }

    private static List<Lesson> lessons(Node n) {
        List<Lesson> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        List<Node> list = n.list("lessons", false);
        for (Node l : list) {
            if (!l.object("lesson")) continue;
            l.only(Set.of("name", "start", "end"));
            Optional<String> name = l.text("name", true);
            Optional<LocalTime> start = Values.time(l, "start", true);
            Optional<LocalTime> end = Values.time(l, "end", true);
            if (name.isEmpty() || start.isEmpty() || end.isEmpty()) continue;
            if (!names.add(name.get())) l.problems.error(l.at("name"), "lesson.twice", name.get());
            if (!start.get().isBefore(end.get())) {
                l.problems.error(l.path, "lesson.order", name.get(), start.get(), end.get());
                continue;
            }
            Lesson lesson = new Lesson(name.get(), start.get(), end.get());
            for (Lesson other : out) {
                if (lesson.start().isBefore(other.end()) && other.start().isBefore(lesson.end())) {
                    l.problems.error(l.path, "lesson.overlap", lesson.name(), other.name());
                }
            }
            out.add(lesson);
        }
        if (list.isEmpty() && n.get("lessons").json.isArray()) n.problems.warning(n.at("lessons"), "lessons.none");
        return out;
    }

    private static List<Holiday> holidays(Node n) {
        List<Holiday> out = new ArrayList<>();
        for (Node h : n.list("holidays", false)) {
            if (!h.object("holiday")) continue;
            h.only(Set.of("name", "from", "to"));
            String name = h.text("name", false).orElse("");
            Optional<LocalDate> from = Values.date(h, "from", true);
            Optional<LocalDate> to = h.has("to") ? Values.date(h, "to", true) : from;
            if (from.isEmpty() || to.isEmpty()) continue;
            if (to.get().isBefore(from.get())) {
                h.problems.error(h.path, "holiday.order", name, from.get(), to.get());
                continue;
            }
            out.add(new Holiday(name, from.get(), to.get()));
        }
        return out;
    }

    private static List<Holiday> ics(Node n, Path dir, String file, ZoneId zone) {
        Path p = dir == null ? Path.of(file) : dir.resolve(file);
        try {
            if (!Files.isRegularFile(p)) throw new NoSuchFileException(p.toString());
            List<Holiday> h = IcsHolidays.read(p, zone);
            if (h.isEmpty()) n.problems.warning(n.at("holidaysIcs"), "ics.empty", p);
            return h;
        } catch (NoSuchFileException e) {
            n.problems.error(n.at("holidaysIcs"), "ics.missing", p);
        } catch (IOException e) {
            n.problems.error(n.at("holidaysIcs"), "ics.invalid", p, firstLine(e.getMessage()));
        }
        return List.of();
    }

    static String firstLine(String s) {
        if (s == null) return "";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
