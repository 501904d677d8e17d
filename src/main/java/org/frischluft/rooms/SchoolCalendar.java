package org.frischluft.rooms;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A site's school calendar: its time zone, school days, bell schedule, school holidays (from the school file
 * and from a ministry's iCalendar file) and the public holidays of its state. Every "is it school time"
 * question of the product asks this: the kiosk's display schedule, the room history, the simulator, alerts and
 * reports. Immutable and thread-safe.
 *
 * @param state        German state for public holidays (e.g. {@code SH}), or null: none are known
 * @param lessons      the bell schedule in time order
 * @param hoursFrom    when the school day starts (people arrive); at or before the first lesson
 * @param hoursTo      when it ends; at or after the last lesson
 * @param holidays     school holidays written in the school file
 * @param holidaysIcs  the iCalendar file the other holidays came from, as the school file names it, or null
 * @param icsHolidays  the holidays read from that file
 */
public record SchoolCalendar(ZoneId zone, String state, Set<DayOfWeek> schoolDays, List<Lesson> lessons,
                             LocalTime hoursFrom, LocalTime hoursTo, List<Holiday> holidays, String holidaysIcs,
                             List<Holiday> icsHolidays) {
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Berlin");
    public static final Set<DayOfWeek> WEEKDAYS = Set.copyOf(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
    /** School hours when the file names none, widened to the lessons where these lie outside. */
    public static final LocalTime DEFAULT_FROM = LocalTime.of(7, 0);
    public static final LocalTime DEFAULT_TO = LocalTime.of(17, 0);

    public SchoolCalendar {
        Objects.requireNonNull(zone, "zone");
        state = PublicHolidays.normalise(state);
        if (state != null) PublicHolidays.of(state); // unknown states fail here, not on a query
        schoolDays = schoolDays.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(schoolDays));
        lessons = lessons.stream().sorted(Comparator.comparing(Lesson::start)).toList();
        LocalTime first = lessons.isEmpty() ? DEFAULT_FROM : lessons.get(0).start();
        LocalTime last = lessons.isEmpty() ? DEFAULT_TO : lessons.get(lessons.size() - 1).end();
        hoursFrom = hoursFrom != null ? hoursFrom : first.isBefore(DEFAULT_FROM) ? first : DEFAULT_FROM;
        hoursTo = hoursTo != null ? hoursTo : last.isAfter(DEFAULT_TO) ? last : DEFAULT_TO;
        if (!hoursFrom.isBefore(hoursTo)) throw new IllegalArgumentException("school hours must start before they end");
        holidays = List.copyOf(holidays);
        icsHolidays = icsHolidays == null ? List.of() : List.copyOf(icsHolidays);
    }

    /** Europe/Berlin, Monday to Friday, the German default bell schedule, no holidays known. */
    public static SchoolCalendar germanDefault() {
        return new SchoolCalendar(DEFAULT_ZONE, null, WEEKDAYS, Lesson.germanDefault(), null, null, List.of(), null, List.of());
    }

    /** This calendar in another state (public holidays), e.g. for a demo. */
    public SchoolCalendar withState(String newState) {
        return new SchoolCalendar(zone, newState, schoolDays, lessons, hoursFrom, hoursTo, holidays, holidaysIcs, icsHolidays);
    }

    /** The same calendar with these school holidays written in the file. */
    public SchoolCalendar withHolidays(List<Holiday> newHolidays) {
        return new SchoolCalendar(zone, state, schoolDays, lessons, hoursFrom, hoursTo, newHolidays, holidaysIcs, icsHolidays);
    }

    /** School holidays and public holidays, as a name: why {@code day} has no school; empty on a school day or weekend. */
    public Optional<String> holiday(LocalDate day) {
        for (Holiday h : holidays) {
            if (h.contains(day)) return Optional.of(h.name());
        }
        for (Holiday h : icsHolidays) {
            if (h.contains(day)) return Optional.of(h.name());
        }
        return state == null ? Optional.empty() : Optional.ofNullable(PublicHolidays.of(state).on(day));
    }

    /** A day with lessons: a school day of the week that is no holiday. */
    public boolean isSchoolDay(LocalDate day) {
        return schoolDays.contains(day.getDayOfWeek()) && holiday(day).isEmpty();
    }

    /** Inside the school hours of a school day, in the site's zone. */
    public boolean isSchoolTime(Instant t) {
        ZonedDateTime local = t.atZone(zone);
        LocalTime time = local.toLocalTime();
        return !time.isBefore(hoursFrom) && time.isBefore(hoursTo) && isSchoolDay(local.toLocalDate());
    }

    /** The school hours of {@code day} as instants, or empty when it is no school day. */
    public Optional<Span> schoolHours(LocalDate day) {
        if (!isSchoolDay(day)) return Optional.empty();
        return Optional.of(new Span(at(day, hoursFrom), at(day, hoursTo)));
    }

    /** The lessons held on {@code day}, in order; none on a day without school. */
    public List<LessonTime> lessonsOn(LocalDate day) {
        if (!isSchoolDay(day)) return List.of();
        List<LessonTime> out = new ArrayList<>(lessons.size());
        for (Lesson l : lessons) out.add(new LessonTime(l, day, at(day, l.start()), at(day, l.end())));
        return out;
    }

    /** The lesson being held at {@code t}, if any. */
    public Optional<LessonTime> lessonAt(Instant t) {
        LocalDate day = t.atZone(zone).toLocalDate();
        for (LessonTime l : lessonsOn(day)) {
            if (!t.isBefore(l.start()) && t.isBefore(l.end())) return Optional.of(l);
        }
        return Optional.empty();
    }

    /** The latest school day on or before {@code day} (looks back at most a year; {@code day} itself if none). */
    public LocalDate schoolDayOnOrBefore(LocalDate day) {
        for (int i = 0; i < 366; i++) {
            LocalDate d = day.minusDays(i);
            if (isSchoolDay(d)) return d;
        }
        return day;
    }

    /** The first school day on or after {@code day} (looks ahead at most a year; {@code day} itself if none). */
    public LocalDate schoolDayOnOrAfter(LocalDate day) {
        for (int i = 0; i < 366; i++) {
            LocalDate d = day.plusDays(i);
            if (isSchoolDay(d)) return d;
        }
        return day;
    }

    /** Local time on a day as an instant (a time in a DST gap moves forward, as clocks do). */
    public Instant at(LocalDate day, LocalTime time) {
        return day.atTime(time).atZone(zone).toInstant();
    }

    /** A half-open time span {@code [from, to)}. */
    public record Span(Instant from, Instant to) {
        public Span {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }
    }

    /** A lesson on one day. */
    public record LessonTime(Lesson lesson, LocalDate date, Instant start, Instant end) {
    }
}
