package org.frischluft.sim;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.frischluft.rooms.Lesson;
import org.frischluft.rooms.SchoolCalendar;

/**
 * A school day as the simulator lives it, from the site's {@link SchoolCalendar}: its lessons, the gaps between
 * them as breaks (a gap of 30 minutes or more is the lunch break, when the Mensa is full), and no school on days
 * the calendar has none (weekends, holidays, public holidays). Immutable.
 */
public final class Timetable {
    /** What happens in a slot. */
    public enum Kind { LESSON, BREAK, LUNCH, OFF }

    static final long LUNCH_MINUTES = 30;

    /**
     * A part of the day.
     *
     * @param period number of the lesson (1 = the first of the day) for a lesson, of the preceding lesson for a
     *               break, 0 when off
     */
    public record Slot(Kind kind, int period, LocalTime start, LocalTime end) {
        public Slot {
            Objects.requireNonNull(kind, "kind");
        }

        /** Length in minutes (0 for the open-ended off slot). */
        public long minutes() {
            return start == null || end == null ? 0 : java.time.Duration.between(start, end).toMinutes();
        }
    }

    private static final Slot OFF = new Slot(Kind.OFF, 0, null, null);
    private final SchoolCalendar calendar;
    private final List<Slot> day;

    private Timetable(SchoolCalendar calendar) {
        this.calendar = calendar;
        List<Slot> s = new ArrayList<>();
        List<Lesson> lessons = calendar.lessons();
        for (int i = 0; i < lessons.size(); i++) {
            Lesson l = lessons.get(i);
            s.add(new Slot(Kind.LESSON, i + 1, l.start(), l.end()));
            if (i + 1 < lessons.size() && lessons.get(i + 1).start().isAfter(l.end())) {
                LocalTime next = lessons.get(i + 1).start();
                long gap = java.time.Duration.between(l.end(), next).toMinutes();
                s.add(new Slot(gap >= LUNCH_MINUTES ? Kind.LUNCH : Kind.BREAK, i + 1, l.end(), next));
            }
        }
        this.day = List.copyOf(s);
    }

    /** The school day of {@code calendar}. */
    public static Timetable of(SchoolCalendar calendar) {
        return new Timetable(Objects.requireNonNull(calendar, "calendar"));
    }

    /** The usual timetable of a German Gesamtschule (Ganztag until 15:40), Monday to Friday, no holidays. */
    public static Timetable german() {
        return of(SchoolCalendar.germanDefault());
    }

    public SchoolCalendar calendar() {
        return calendar;
    }

    /** The slots of a school day in order. */
    public List<Slot> day() {
        return day;
    }

    /** The slot at a local time; {@link Kind#OFF} before the first lesson, after the last, and on days without school. */
    public Slot at(LocalDateTime time) {
        if (day.isEmpty() || !calendar.isSchoolDay(time.toLocalDate())) return OFF;
        LocalTime t = time.toLocalTime();
        for (Slot slot : day) {
            if (!t.isBefore(slot.start()) && t.isBefore(slot.end())) return slot;
        }
        return OFF;
    }

    /** Start of the first lesson (08:00 for a calendar without lessons). */
    public LocalTime firstLesson() {
        return day.isEmpty() ? LocalTime.of(8, 0) : day.get(0).start();
    }

    /** End of the last lesson. */
    public LocalTime lastLesson() {
        return day.isEmpty() ? LocalTime.of(8, 0) : day.get(day.size() - 1).end();
    }
}
